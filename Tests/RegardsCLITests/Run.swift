import Foundation
import Testing

/// Runs the built `regards` binary as a user would.
struct Run {
    var stdout: String
    var stderr: String
    var status: Int32

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Tests/Fixtures")

    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["REGARDS_BIN"] { return URL(fileURLWithPath: path) }
        // Next to the test bundle, in the same build folder.
        let beside = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("regards")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return root.appendingPathComponent(".build/debug/regards")
    }

    init(_ arguments: [String], in directory: URL = Run.root, stdin: String? = nil, environment: [String: String] = [:]) throws {
        let process = Process()
        process.executableURL = Run.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["REGARDS_DB"] = nil
        env["REGARDS_INSPECTOR"] = nil
        // The tests pin the English messages unless they ask for French (`environment: ["REGARDS_LANG": "fr"]`).
        env["REGARDS_LANG"] = "en"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes before waiting so a large output cannot block the child.
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errBox.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let errData = errBox.data
        process.waitUntilExit()
        stdout = String(decoding: outData, as: UTF8.self)
        stderr = String(decoding: errData, as: UTF8.self)
        status = process.terminationStatus
    }

    init(_ arguments: String..., in directory: URL = Run.root) throws {
        try self.init(arguments, in: directory)
    }

    var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLast(stdout.hasSuffix("\n") ? 1 : 0) }
}

func temporaryDirectory() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("regards-cli-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The demo campaign (`regards demo`), built once per test run and shared: tests that change its
/// workspace work on a copy.
enum Demo {
    /// The demo's output folder.
    static let built: Result<URL, any Error> = Result {
        let directory = temporaryDirectory().appendingPathComponent("demo")
        let run = try Run(["demo", "--out", directory.path], in: directory.deletingLastPathComponent())
        guard run.status == 0, run.stderr.isEmpty else { throw Failure(message: "regards demo failed (\(run.status)): \(run.stderr)") }
        return directory
    }

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    static func folder() throws -> URL { try built.get() }

    /// A copy of the demo's workspace in a new field of its own; the path of the copy.
    static func copy() throws -> (Field, String) {
        let source = try folder().appendingPathComponent("demo.sqlite").path
        let f = Field()
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: source + suffix) {
            try FileManager.default.copyItem(atPath: source + suffix, toPath: f.db + suffix)
        }
        return (f, f.db)
    }
}

/// `regards ARGUMENTS`, started, its output thrown away.
func started(_ arguments: [String]) throws -> Process {
    let p = Process()
    p.executableURL = Run.binary
    p.arguments = arguments
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    return p
}

/// How long a command takes here, unkilled (the fault tests spread their kills over it).
func duration(of arguments: [String]) throws -> TimeInterval {
    let start = Date()
    try started(arguments).waitUntilExit()
    return Date().timeIntervalSince(start)
}

/// Where a killed process was when the signal landed.
enum KillMoment: Equatable {
    /// Before it had opened the file the test watches: its checks hold trivially.
    case early
    /// While it had the file open (reading, checking, writing): what the test is about.
    case midWrite
    /// After it had finished by itself.
    case late
}

/// Runs `arguments`, kills the process with SIGKILL after `delay`, and says where it was: whether it
/// had `watched` open at that moment (read from /proc), or had already exited.
func killed(_ arguments: [String], after delay: TimeInterval, watching watched: String) throws -> KillMoment {
    let p = try started(arguments)
    usleep(UInt32(delay * 1_000_000))
    let target = URL(fileURLWithPath: watched).resolvingSymlinksInPath().path
    let fds = "/proc/\(p.processIdentifier)/fd"
    let open = ((try? FileManager.default.contentsOfDirectory(atPath: fds)) ?? []).contains { fd in
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "\(fds)/\(fd)"))?.hasPrefix(target) == true
    }
    kill(p.processIdentifier, SIGKILL)
    p.waitUntilExit()
    if p.terminationReason == .exit { return .late }
    return open ? .midWrite : .early
}
