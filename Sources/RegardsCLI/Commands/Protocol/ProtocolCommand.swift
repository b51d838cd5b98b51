import ArgumentParser

/// `regards protocol …`
struct ProtocolCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "protocol",
        abstract: Messages.protocolAbstract,
        subcommands: [ProtocolList.self, ProtocolValidate.self, ProtocolShow.self, ProtocolDiffCommand.self, ProtocolNew.self, ProtocolCoverage.self, ProtocolReferences.self, ProtocolReview.self]
    )
}
