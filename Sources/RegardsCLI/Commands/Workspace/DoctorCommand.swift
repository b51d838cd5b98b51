import ArgumentParser
import Foundation
import RegardsCore
import RegardsProtocols

struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: Messages.doctorAbstract,
        discussion: Messages.doctorDiscussion)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions

    func run() throws {
        let path = workspace.path
        Console.out(Messages.doctorWorkspace(path))
        var problems = 0
        func ok(_ text: String) { Console.out("  ✔ \(text)") }
        func bad(_ text: String) {
            problems += 1
            Console.out("  ✘ \(text)")
        }
        let ws: any Workspace
        do {
            ws = try workspace.open()
        } catch let error as any RegardsErrorConvertible {
            // Said as the check's result; the exit code still tells what kind of failure it is.
            let failure = error.regardsError
            Console.out("  ✘ \(failure.description)")
            throw RegardsError(failure.kind, nil)
        }
        let isFile = workspace.location.address.isFile
        ok(Messages.doctorSchema(isFile: isFile, version: ws.schemaVersion))
        let integrity = try ws.integrityCheck()
        if integrity == ["ok"] {
            ok(Messages.doctorIntegrityOK)
        } else {
            bad(Messages.doctorIntegrityFailed(Array(integrity.prefix(3))))
        }
        for suffix in ["", "-wal", "-shm"] where isFile {
            guard let mode = (try? FileManager.default.attributesOfItem(atPath: path + suffix)[.posixPermissions] as? NSNumber)?.intValue else { continue }
            if mode & 0o077 != 0 {
                bad(Messages.doctorPermissionsOpen(path + suffix, mode: String(mode, radix: 8)))
            } else if suffix.isEmpty {
                ok(Messages.doctorPermissionsOK)
            }
        }
        let visits = try ws.visits(campaign: nil)
        let repository = try? ProtocolRepository(directories: folders.searchPath)
        var drifted: [String] = []
        for visit in visits {
            for pin in visit.pins where try ws.snapshot(hash: pin.hash) == nil {
                bad(Messages.doctorSnapshotMissing(visit: visit.id, pin: "\(pin)"))
            }
            for (pin, file) in repository?.drifted(from: visit.pins) ?? [] {
                drifted.append(Messages.doctorDrifted(visit: visit.id, file: file, pin: "\(pin)"))
            }
        }
        if drifted.isEmpty {
            ok(Messages.doctorSnapshotsOK(visits: visits.count))
        } else {
            drifted.prefix(5).forEach { bad(Messages.doctorDriftedAdvice($0)) }
        }
        var findings = 0
        for visit in visits {
            guard let r = try? VisitSession.open(visit, workspace: ws, author: workspace.author, folders: nil).record else { continue }
            let open = r.unreviewedFindings(r.privacy)
            if !open.isEmpty {
                findings += open.count
                bad(Messages.doctorPersonalDataPending(visit: visit.id, count: open.count))
            }
        }
        if findings == 0 { ok(Messages.doctorPersonalDataOK) }
        if problems > 0 { throw RegardsError.problemsFound }
    }
}
