import ArgumentParser
import Foundation
import RegardsCore
import RegardsProtocols

struct VisitExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a self-contained JSON bundle of a visit: answers with their history, observations, journeys, actions, protocol snapshots.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The visit id.") var visit: String
    @Option(help: ArgumentHelp("The bundle to write.", valueName: "FILE.json")) var out: String
    @Flag(help: "Export even though personal-data findings are not reviewed.") var allowPersonalData = false

    func run() throws {
        let record = try VisitSession.open(visit, workspace: workspace, folders: folders).record
        _ = try PersonalDataGate.check([record], allow: allowPersonalData, command: "visit export")
        let ws = try workspace.open()
        guard let bundle = try store({ try ws.bundle(visit: visit, exportedAt: Clock.now(), exportedBy: workspace.author) }) else {
            throw fail("no visit `\(visit)` in \(workspace.path)", code: Exit.missingInput)
        }
        try AtomicFile.write(CanonicalJSON.encode(bundle, pretty: true) + Data("\n".utf8), to: out)
        Console.out(out)
        Console.error("visit \(visit): \(bundle.answers.count) answer event(s), \(bundle.observations.count) observation(s), "
                      + "\(bundle.journeys.count) journey entr(y/ies), \(bundle.actions.count) action(s)")
    }
}

/// Writes to a temporary file in the target folder, then renames: a failure never leaves a half file at the path.
enum AtomicFile {
    static func write(_ data: Data, to path: String) throws {
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
            throw fail("\(path): not a regular file; nothing was written", code: Exit.ioError)
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UID.make()).tmp")
        do {
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw NSError(domain: "create", code: Int(errno), userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
            let handle = try FileHandle(forWritingTo: temporary)
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
            if rename(temporary.path, url.path) != 0 {
                throw NSError(domain: "rename", code: Int(errno), userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw fail("\(path): cannot write: \((error as NSError).localizedDescription)", code: Exit.ioError)
        }
    }
}

struct VisitImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring a visit bundle into this workspace; a newer copy of a visit already here is merged, conflicting edits reported.",
        discussion: "Both sides of a conflicting edit are kept in the history; the later one is the current answer.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The bundle (written by `visit export`).") var file: String
    @Option(name: .customLong("as"), help: "Import under this visit id (a copy beside a different visit with the same id).") var newID: String?

    func run() throws {
        var bundle = try Self.read(file)
        let ws = try workspace.open(create: true)
        if let newID {
            guard try store({ try ws.visit(newID) }) == nil else { throw fail("visit `\(newID)` already exists here", code: Exit.usage) }
            bundle = bundle.renamed(to: newID, uid: UID.make())
        }
        let id = bundle.visit.id
        let local = try store { try ws.bundle(visit: id, exportedAt: "", exportedBy: "") }
        if let local, local.visit.uid != bundle.visit.uid {
            throw fail("visit `\(id)` here is a different visit (another establishment or laptop); import it beside with --as NEW-ID", code: Exit.badData)
        }
        let plan = MergePlan.plan(local: local, incoming: bundle)
        try store { try ws.apply(plan, visit: id) }
        if plan.newVisit != nil {
            Console.out("visit \(id) imported: \(plan.answers.count) answer event(s), \(plan.observations.count) observation(s), \(plan.journeys.count) journey entr(y/ies), \(plan.actions.count) action(s)")
        } else if plan.isEmpty {
            Console.out("visit \(id): nothing new in \(file)")
        } else {
            Console.out("visit \(id) merged: \(plan.answers.count) new answer event(s), \(plan.observations.count) observation(s), \(plan.journeys.count) journey entr(y/ies), \(plan.actions.count) action(s), \(plan.stateEvents.count) phase change(s)")
        }
        for conflict in plan.conflicts { Console.out("conflict: \(conflict)") }
    }

    /// `answers[3].value`, in the bundle's own (snake_case) names.
    static func keyPath(_ path: [CodingKey]) -> String {
        var out = ""
        for key in path {
            if let i = key.intValue { out += "[\(i)]"; continue }
            let snake = key.stringValue.reduce(into: "") { s, c in s += c.isUppercase ? "_" + c.lowercased() : String(c) }
            out += out.isEmpty ? snake : "." + snake
        }
        return out
    }

    /// Reads and checks a bundle: JSON, format, schema version, and that every protocol snapshot still has the hash it claims.
    static func read(_ path: String) throws -> VisitBundle {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw fail("\(path): no such file", code: FileManager.default.fileExists(atPath: path) ? Exit.ioError : Exit.missingInput)
        }
        struct Header: Decodable { var format: String?; var schemaVersion: Int? }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        guard let header = try? decoder.decode(Header.self, from: data) else {
            throw fail("\(path): not a JSON visit bundle (truncated or damaged JSON)", code: Exit.badData)
        }
        guard header.format == VisitBundle.format else { throw fail("\(path): not a Regards visit bundle", code: Exit.badData) }
        guard let version = header.schemaVersion, version <= VisitBundle.schemaVersion else {
            throw fail("\(path): bundle schema \(header.schemaVersion.map(String.init) ?? "?") was written by a newer Regards (this one reads up to \(VisitBundle.schemaVersion))", code: Exit.badData)
        }
        let bundle: VisitBundle
        do {
            bundle = try decoder.decode(VisitBundle.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw fail("\(path): missing `\(Self.keyPath(context.codingPath + [key]))`", code: Exit.badData)
        } catch let DecodingError.dataCorrupted(context) {
            throw fail("\(path): \(context.debugDescription) at `\(Self.keyPath(context.codingPath))`", code: Exit.badData)
        } catch let DecodingError.typeMismatch(_, context) {
            throw fail("\(path): wrong type at `\(Self.keyPath(context.codingPath))`", code: Exit.badData)
        } catch {
            throw fail("\(path): not a valid visit bundle", code: Exit.badData)
        }
        for snapshot in bundle.snapshots {
            let loaded = ProtocolLoader().load(bytes: Array(snapshot.source.utf8), file: snapshot.file)
            guard loaded.contentHash == snapshot.hash else {
                throw fail("\(path): the protocol snapshot `\(snapshot.id)@\(snapshot.version)` does not match its hash (edited after export?)", code: Exit.badData)
            }
        }
        let hashes = Set(bundle.snapshots.map(\.hash))
        for pin in [bundle.visit.evaluation, bundle.visit.control, bundle.visit.workflow].compactMap({ $0 }) where !hashes.contains(pin.hash) {
            throw fail("\(path): the snapshot of `\(pin)` is missing", code: Exit.badData)
        }
        return bundle
    }
}
