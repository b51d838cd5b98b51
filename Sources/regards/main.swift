import RegardsCLI

Regards.main()
