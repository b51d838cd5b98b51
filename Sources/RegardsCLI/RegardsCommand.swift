import ArgumentParser
import Glibc
import RegardsCore

/// `regards`: the root command.
public struct RegardsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "regards",
        abstract: Messages.rootAbstract,
        discussion: ExitStatus.summary,
        version: "0.1.0",
        subcommands: [ProtocolCommand.self, VisitCommand.self, FillCommand.self, AnswerCommand.self, ReconcileCommand.self, AgreementCommand.self, ObserveCommand.self, ObservationCommand.self, JourneyCommand.self, FindingCommand.self, MeasureCommand.self,
                      ActionCommand.self, CompareCommand.self, SheetCommand.self, ReportCommand.self, DemoCommand.self, PrivacyCommand.self, DoctorCommand.self, StoreCommand.self]
    )

    public init() {}
}

/// The program: process settings, the command line, and the one place errors are printed.
public enum Regards {
    /// Runs one command line in this process, as `regards ARGUMENTS` would, its ordinary output
    /// hidden when `quiet`; its error is thrown, not printed (for tools built on Regards: the benchmark).
    public static func run(_ arguments: [String], quiet: Bool = false) throws {
        var command = try RegardsCommand.parseAsRoot(arguments)
        try Console.$quiet.withValue(quiet) { try command.run() }
    }

    /// A campaign's comparison report, as `compare --campaign` writes it (personal-data findings do not stop it).
    public static func campaignReport(_ campaign: String, db: String) throws -> Report {
        try CampaignExport.report(campaign, workspace: WorkspaceOptions.parse(["--db", db]), allowPersonalData: true, command: "bench cells").materialised()
    }

    /// The ids of a workspace's visits (of a campaign), for tools built on Regards (the benchmark).
    public static func visitIDs(campaign: String?, db: String) throws -> [String] {
        try WorkspaceOptions.parse(["--db", db]).open().visits(campaign: campaign).map(\.id)
    }

    public static func main() {
        // A write past a file-size limit must fail with an error we report, not kill the process mid-file.
        signal(SIGXFSZ, SIG_IGN)
        var command: ParsableCommand
        do {
            command = try RegardsCommand.parseAsRoot()
        } catch {
            RegardsCommand.exit(withError: error)
        }
        do {
            try command.run()
        } catch let error as any RegardsErrorConvertible {
            let failure = error.regardsError
            Console.failure(ExitStatus.lines(failure))
            exit(ExitStatus.code(for: failure.kind))
        } catch {
            // ArgumentParser's own: a usage error, help, an exit code.
            RegardsCommand.exit(withError: error)
        }
    }
}
