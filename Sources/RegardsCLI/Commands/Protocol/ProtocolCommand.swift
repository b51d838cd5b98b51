import ArgumentParser

/// `regards protocol …`
struct ProtocolCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "protocol",
        abstract: "List, validate, show, compare and scaffold protocol files; review their criteria over a campaign.",
        subcommands: [ProtocolList.self, ProtocolValidate.self, ProtocolShow.self, ProtocolDiffCommand.self, ProtocolNew.self, ProtocolCoverage.self, ProtocolReferences.self, ProtocolReview.self]
    )
}
