import Foundation
import RegardsCore

/// A failure to reach files (as opposed to problems inside them, which are diagnostics).
public enum ProtocolRepositoryError: Error, Equatable, Sendable, CustomStringConvertible, RegardsErrorConvertible {
    case missingFile(String)
    case missingDirectory(String)
    case unreadable(String, reason: String)
    case unknownProtocol(String, hint: String?)
    case unknownVersion(String, available: [String])
    case invalidSpecifier(String)
    /// A file that has errors, when a sound model is needed (a visit, a comparison).
    case invalid(String, errors: [Diagnostic])
    /// A file of the wrong kind: `wanted` is what was asked for (`an evaluation protocol` …).
    case wrongKind(String, wanted: String)
    /// The control protocol an evaluation protocol names in `compares_with` is not in the folders.
    case noControlProtocol(String)

    public var description: String {
        switch self {
        case .missingFile(let path): FileProblem.missing(path)
        case .missingDirectory(let path): Messages.noSuchProtocolFolder(path)
        case .unreadable(let path, let reason): FileProblem.unreadable(path, reason: reason)
        case .unknownProtocol(let id, let hint): Messages.unknownProtocol(id, hint: .hint(hint))
        case .unknownVersion(let spec, let available): Messages.unknownVersion(spec, available: available.joined(separator: ", "))
        case .invalidSpecifier(let spec): Messages.invalidSpecifier(spec)
        case .invalid(let file, let errors): Messages.fileHasErrors(file, count: errors.count)
        case .wrongKind(let specifier, let wanted): Messages.wrongKind(specifier, wanted: wanted)
        case .noControlProtocol(let message): message
        }
    }

    public var regardsError: RegardsError {
        switch self {
        case .missingFile, .missingDirectory, .unknownProtocol, .unknownVersion, .noControlProtocol: .missingInput(description)
        case .unreadable: .ioError(description)
        case .invalidSpecifier: .usage(description)
        case .invalid(_, let errors): .badData(description, details: errors.map(\.rendered))
        case .wrongKind: .badData(description)
        }
    }
}

/// The protocol folders, in search order, and the files they hold.
public struct ProtocolRepository: Sendable {
    /// Folders in search order.
    public var directories: [String]
    /// Every file found, in search order (folder order, then path order inside a folder).
    public private(set) var files: [LoadedFile] = []

    /// The default search order: `./Protocols`, then the protocols installed beside the binary
    /// (`<bin>/../share/regards/Protocols`), then those of the source tree the binary was built from.
    public static func defaultDirectories(currentDirectory: String = FileManager.default.currentDirectoryPath,
                                          executable: String? = CommandLine.arguments.first) -> [String] {
        var candidates = ["Protocols"]
        if let executable {
            let exe = URL(fileURLWithPath: executable, relativeTo: URL(fileURLWithPath: currentDirectory, isDirectory: true)).resolvingSymlinksInPath()
            candidates.append(exe.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("share/regards/Protocols").path)
        }
        candidates.append(sourceTreeRoot.appendingPathComponent("Protocols").path)
        var seen = Set<String>()
        return candidates.filter { path in
            var isDirectory: ObjCBool = false
            let absolute = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: currentDirectory, isDirectory: true)).standardizedFileURL.resolvingSymlinksInPath().path
            guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory), isDirectory.boolValue else { return false }
            return seen.insert(absolute).inserted
        }
    }

    /// The package root this module was compiled from (…/Sources/RegardsProtocols/ProtocolRepository.swift → …).
    static var sourceTreeRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    public static var templatesDirectory: String? {
        var candidates: [String] = ["Templates"]
        if let executable = CommandLine.arguments.first {
            let bin = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
            candidates.append(bin.deletingLastPathComponent().appendingPathComponent("share/regards/Templates").path)
        }
        candidates.append(sourceTreeRoot.appendingPathComponent("Templates").path)
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// An empty repository (no folder).
    public init() {
        directories = []
    }

    /// Loads every `.yaml`/`.yml` file under the folders.
    public init(directories: [String]) throws(ProtocolRepositoryError) {
        self.directories = directories
        var paths: [String] = []
        for directory in directories {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw .missingDirectory(directory)
            }
            paths += Self.yamlFiles(under: directory)
        }
        files = try Self.loadAll(paths)
    }

    /// Loads files side by side (each file is parsed on its own; the loader's caches hold their
    /// locks), keeping their order; the first failure in that order is thrown.
    static func loadAll(_ paths: [String]) throws(ProtocolRepositoryError) -> [LoadedFile] {
        let loader = ProtocolLoader()
        let results = UnsafeMutableBufferPointer<Result<LoadedFile, ProtocolRepositoryError>?>.allocate(capacity: paths.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let slots = SendableBuffer(results)
        // Largest files first, so the two or more threads finish together.
        let sizes = paths.map { (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? NSNumber)?.intValue ?? 0 }
        let order = paths.indices.sorted { sizes[$0] > sizes[$1] }
        // The worker threads do not see the task's language: each file's diagnostics are said in the caller's.
        let language = Language.current
        DispatchQueue.concurrentPerform(iterations: paths.count) { k in
            let i = order[k]
            Language.$current.withValue(language) {
                slots.buffer[i] = Result { () throws(ProtocolRepositoryError) in try Self.load(paths[i], loader: loader) }
            }
        }
        return try results.map { result throws(ProtocolRepositoryError) in try result!.get() }
    }

    static func yamlFiles(under directory: String) -> [String] {
        // Enumerate the real folder (a symlinked `Protocols` is common) but print paths as given.
        let real = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        guard let enumerator = FileManager.default.enumerator(atPath: real) else { return [] }
        var out: [String] = []
        while let next = enumerator.nextObject(), let relative = next as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") { enumerator.skipDescendants(); continue }
            if relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") {
                if directory == "." || directory == "./" {
                    out.append(relative)
                } else {
                    out.append(directory.hasSuffix("/") ? directory + relative : directory + "/" + relative)
                }
            }
        }
        return out.sorted()
    }

    /// Reads and loads one file; a file too large is refused before it is read.
    public static func load(_ path: String, loader: ProtocolLoader = ProtocolLoader()) throws(ProtocolRepositoryError) -> LoadedFile {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .missingFile(path) }
        if isDirectory.boolValue { throw .unreadable(path, reason: Messages.isAFolder) }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        if size > YAMLDocumentReader.maximumBytes {
            let mb = YAMLDocumentReader.format(Double(size) / 1_048_576)
            let diagnostic = Diagnostic(.error, Messages.fileTooLarge(megabytes: mb, limit: YAMLDocumentReader.maximumBytes / 1_048_576),
                                        at: SourceLocation(file: path, line: 1, column: 1))
            return LoadedFile(file: path, content: nil, sourceMap: SourceMap(file: path), diagnostics: [diagnostic])
        }
        let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let key = "file|\(size)|\(modified)"
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable(path, reason: Messages.permissionDenied) }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.readToEnd() ?? Data()
        } catch {
            throw .unreadable(path, reason: "\(error.localizedDescription)")
        }
        return loader.load(bytes: [UInt8](data), file: path, cacheKey: key)
    }

    /// Adds files named on the command line ahead of the folders (they win on duplicates).
    public mutating func prepend(_ loaded: [LoadedFile]) {
        let paths = Set(loaded.map { URL(fileURLWithPath: $0.file).standardizedFileURL.path })
        files = loaded + files.filter { !paths.contains(URL(fileURLWithPath: $0.file).standardizedFileURL.path) }
    }

    public var grids: [LoadedFile] { files.filter { $0.grid != nil } }

    /// Files of the folders that carry a pinned protocol's id and version but no longer its content:
    /// edited without a new version since a visit pinned them.
    public func drifted(from pins: [ProtocolPin]) -> [(pin: ProtocolPin, file: String)] {
        pins.flatMap { pin in
            files.filter { $0.id == pin.id && $0.version?.description == pin.version && $0.contentHash != nil && $0.contentHash != pin.hash }
                .map { (pin, $0.file) }
        }
    }
    public var workflows: [LoadedFile] { files.filter { $0.workflow != nil } }

    /// The highest version of each protocol of the folders, sorted by id; a file with errors refuses.
    public func latestGrids() throws(ProtocolRepositoryError) -> [AuditProtocol] {
        var out: [AuditProtocol] = []
        for id in Set(grids.compactMap(\.id)).sorted() {
            if let grid = try sound(id).grid { out.append(grid) }
        }
        return out
    }

    /// Problems that span files (crosswalk, workflow references, duplicates).
    public func crossFileDiagnostics() -> [Diagnostic] {
        CrossFileValidator().validate(
            grids: files.compactMap { f in f.grid.map { Located($0, f.sourceMap, contentHash: { f.contentHash ?? "" }) } },
            workflows: files.compactMap { f in f.workflow.map { Located($0, f.sourceMap, contentHash: { f.contentHash ?? "" }) } })
    }

    /// Every diagnostic of every file, sorted.
    public func allDiagnostics() -> [Diagnostic] {
        (files.flatMap(\.diagnostics) + crossFileDiagnostics()).sortedForDisplay()
    }

    /// Resolves a specifier and refuses a file with errors, so commands work on sound models only.
    public func sound(_ specifier: String) throws(ProtocolRepositoryError) -> LoadedFile {
        let file = try resolve(specifier)
        let errors = file.diagnostics.filter { $0.severity == .error }.sortedForDisplay()
        guard errors.isEmpty, file.content != nil else { throw .invalid(file.file, errors: errors) }
        return file
    }

    /// A sound grid of one kind (`an evaluation protocol`, `a control protocol`).
    public func grid(_ specifier: String, kind: ProtocolKind) throws(ProtocolRepositoryError) -> LoadedFile {
        let file = try sound(specifier)
        guard let grid = file.grid, grid.kind == kind else { throw .wrongKind(specifier, wanted: kind == .evaluation ? Messages.anEvaluationProtocol : Messages.aControlProtocol) }
        return file
    }

    /// The control protocol an evaluation protocol's `compares_with` names — the rule the validator
    /// checks (`CrossFileValidator.control`) — as the sound file it comes from; nil without `compares_with`.
    public func control(for evaluation: AuditProtocol) throws(ProtocolRepositoryError) -> LoadedFile? {
        guard let reference = evaluation.comparesWith else { return nil }
        let sound = files.filter { $0.grid != nil && !$0.diagnostics.hasErrors }
        switch CrossFileValidator.control(for: reference, in: sound.compactMap(\.grid)) {
        case .success(let control): return sound.first { $0.grid?.reference == control.reference }
        case .failure(let problem): throw .noControlProtocol(problem.message + .hint(problem.hint))
        }
    }

    /// Resolves `id` (highest version), `id@MAJOR` or `id@MAJOR.MINOR` (highest matching) or `id@X.Y.Z`;
    /// a path to a file is loaded directly.
    public func resolve(_ specifier: String) throws(ProtocolRepositoryError) -> LoadedFile {
        if specifier.hasSuffix(".yaml") || specifier.hasSuffix(".yml") || specifier.contains("/") {
            return try Self.load(specifier)
        }
        let parts = specifier.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let id = parts[0]
        guard Identifier.isSlug(id) else { throw .invalidSpecifier(specifier) }
        let candidates = files.filter { $0.id == id }
        guard !candidates.isEmpty else {
            throw .unknownProtocol(id, hint: Suggestion.hint(for: id, in: Set(files.compactMap(\.id)).sorted()))
        }
        var matching = candidates
        if parts.count == 2 {
            let wanted = parts[1]
            if let major = Int(wanted), wanted.allSatisfy(\.isNumber) {
                matching = candidates.filter { $0.version?.major == major }
            } else if let version = SemanticVersion(wanted + ".0"), version.prerelease == nil, wanted.split(separator: ".").count == 2 {
                matching = candidates.filter { $0.version?.major == version.major && $0.version?.minor == version.minor }
            } else if let version = SemanticVersion(wanted) {
                matching = candidates.filter { $0.version == version }
            } else {
                throw .invalidSpecifier(specifier)
            }
        }
        // Highest version; among equal versions the first in search order.
        var best: LoadedFile?
        for file in matching where best == nil || best!.version! < file.version! { best = file }
        guard let best else {
            throw .unknownVersion(specifier, available: Set(candidates.compactMap { $0.version?.description }).sorted())
        }
        return best
    }
}

/// Each iteration of `concurrentPerform` writes its own slot only.
private struct SendableBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}
