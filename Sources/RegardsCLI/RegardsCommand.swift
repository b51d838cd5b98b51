import ArgumentParser
import Glibc

/// `regards`: the root command.
public struct RegardsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "regards",
        abstract: "Croiser les regards : grille de contrôle et évaluation centrée sur les personnes accueillies en CHRS.",
        discussion: """
        Exit codes: 0 ok, 1 problems found, 64 usage error, 65 bad data (an invalid protocol or input), \
        66 missing input (file, folder or protocol not found), 74 I/O error.
        """,
        version: "0.1.0",
        subcommands: [ProtocolCommand.self, VisitCommand.self, FillCommand.self, AnswerCommand.self, ObserveCommand.self, ObservationCommand.self, JourneyCommand.self, ActionCommand.self, CompareCommand.self, SheetCommand.self, ReportCommand.self, DemoCommand.self, PrivacyCommand.self, DoctorCommand.self, BenchCommand.self]
    )

    public init() {}
}

/// `regards protocol …`
struct ProtocolCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "protocol",
        abstract: "List, validate, show, compare and scaffold protocol files.",
        subcommands: [ProtocolList.self, ProtocolValidate.self, ProtocolShow.self, ProtocolDiffCommand.self, ProtocolNew.self, ProtocolCoverage.self]
    )
}

/// The program: process settings, then the command line.
public enum Regards {
    public static func main() {
        // A write past a file-size limit must fail with an error we report, not kill the process mid-file.
        signal(SIGXFSZ, SIG_IGN)
        RegardsCommand.main()
    }
}
