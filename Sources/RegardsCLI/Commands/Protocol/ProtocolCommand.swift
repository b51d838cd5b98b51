import ArgumentParser

/// `regards protocol …`
struct ProtocolCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "protocol",
        abstract: "List, validate, show, compare and scaffold protocol files.",
        subcommands: [ProtocolList.self, ProtocolValidate.self, ProtocolShow.self, ProtocolDiffCommand.self, ProtocolNew.self, ProtocolCoverage.self, ProtocolReferences.self]
    )
}
