import ArgumentParser
import Glibc
import RegardsCore

/// `regards`: the root command.
public struct RegardsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "regards",
        abstract: "Croiser les regards : grille de contrôle et évaluation centrée sur les personnes accueillies en CHRS.",
        discussion: ExitStatus.summary,
        version: "0.1.0",
        subcommands: [ProtocolCommand.self, VisitCommand.self, FillCommand.self, AnswerCommand.self, ObserveCommand.self, ObservationCommand.self, JourneyCommand.self,
                      ActionCommand.self, CompareCommand.self, SheetCommand.self, ReportCommand.self, DemoCommand.self, PrivacyCommand.self, DoctorCommand.self, BenchCommand.self]
    )

    public init() {}
}

/// The program: process settings, the command line, and the one place errors are printed.
public enum Regards {
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
