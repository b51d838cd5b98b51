import ArgumentParser
import Foundation
import RegardsCore
import RegardsProtocols

struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check a workspace: file, integrity, schema, permissions, protocol snapshots, unreviewed personal data.",
        discussion: "Each check says what to do. Exit 0 when all is well, 1 when something needs doing, 65 when the file cannot be read as a workspace.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions

    func run() throws {
        let path = workspace.path
        Console.out("Espace de travail \(path)")
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
        ok("\(isFile ? "fichier SQLite" : "base PostgreSQL") d'un espace Regards, schéma \(ws.schemaVersion) (à jour)")
        let integrity = try ws.integrityCheck()
        if integrity == ["ok"] {
            ok("intégrité : ok")
        } else {
            bad("intégrité : \(integrity.prefix(3).joined(separator: " ; ")) — restaurez une sauvegarde, ou réimportez les visites depuis leurs exports (`regards visit import`)")
        }
        for suffix in ["", "-wal", "-shm"] where isFile {
            guard let mode = (try? FileManager.default.attributesOfItem(atPath: path + suffix)[.posixPermissions] as? NSNumber)?.intValue else { continue }
            if mode & 0o077 != 0 {
                bad("droits de \(path + suffix) : \(String(mode, radix: 8)) — d'autres comptes peuvent le lire ; lancez `chmod 600 \(path + suffix)`")
            } else if suffix.isEmpty {
                ok("droits du fichier : propriétaire seul (600)")
            }
        }
        let visits = try ws.visits(campaign: nil)
        let repository = try? ProtocolRepository(directories: folders.searchPath)
        var drifted: [String] = []
        for visit in visits {
            for pin in visit.pins where try ws.snapshot(hash: pin.hash) == nil {
                bad("visite \(visit.id) : la copie de \(pin) manque dans l'espace de travail")
            }
            for (pin, file) in repository?.drifted(from: visit.pins) ?? [] {
                drifted.append("\(visit.id) : \(file) a changé sans nouvelle version de \(pin)")
            }
        }
        if drifted.isEmpty {
            ok("protocoles : \(visits.count) visite(s), chacune garde la copie des protocoles avec lesquels elle a commencé")
        } else {
            drifted.prefix(5).forEach { bad("protocole modifié sans changement de version — \($0) ; donnez-lui un nouveau numéro de version") }
        }
        var findings = 0
        for visit in visits {
            guard let r = try? VisitSession.open(visit, workspace: ws, author: workspace.author, folders: nil).record else { continue }
            let open = r.unreviewedFindings(r.privacy)
            if !open.isEmpty {
                findings += open.count
                bad("données personnelles : visite \(visit.id), \(open.count) signalement(s) à revoir — `regards privacy scan \(visit.id)`")
            }
        }
        if findings == 0 { ok("données personnelles : aucun signalement en attente") }
        if problems > 0 { throw RegardsError.problemsFound }
    }
}
