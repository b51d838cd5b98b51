import RegardsCLI

RegardsCommand.main()
