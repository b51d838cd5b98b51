import Foundation

/// The real clients the tests open workbooks and documents with (openpyxl, LibreOffice), found
/// on the `PATH`. `REGARDS_REQUIRE_CLIENTS=1` (what CI sets): a missing client fails the run
/// instead of skipping its tests.
public enum Clients {
    public static func which(_ program: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(program)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    public static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self), String(decoding: errors, as: UTF8.self))
    }

    public static let python = which("python3")

    public static let openpyxl: Bool = {
        guard let python else { return false }
        return (try? run(python, ["-c", "import openpyxl"]).status) == 0
    }()

    public static let soffice = which("soffice")
    /// python3 can import the agreement references: scikit-learn, statsmodels and krippendorff.
    public static let agreementReference: Bool = {
        guard let python else { return false }
        return (try? run(python, ["-c", "import sklearn, statsmodels, krippendorff"]).status) == 0
    }()

    public static let required = ProcessInfo.processInfo.environment["REGARDS_REQUIRE_CLIENTS"] == "1"

    /// A LibreOffice profile of our own, so a LibreOffice started by another test or by the user does not lock us out;
    /// kept between runs (creating one costs seconds).
    public static let profile = FileManager.default.temporaryDirectory.appendingPathComponent("regards-reader-lo-profile")

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// `soffice --headless --convert-to FORMAT`, into `folder`; the converted file's path. Suites
    /// that run beside each other pass profiles of their own (LibreOffice locks its profile).
    public static func convert(_ file: URL, to format: String, into folder: URL, profile: URL = profile) throws -> URL {
        guard let soffice else { throw Failure(description: "LibreOffice is required (REGARDS_REQUIRE_CLIENTS=1) but soffice is not on the PATH; run `make setup-tests`") }
        let result = try run(soffice, ["-env:UserInstallation=\(profile.absoluteString)", "--headless", "--convert-to", format, "--outdir", folder.path, file.path])
        let out = folder.appendingPathComponent(file.deletingPathExtension().lastPathComponent + "." + (format.split(separator: ":").first.map(String.init) ?? format))
        guard result.status == 0, FileManager.default.fileExists(atPath: out.path) else { throw Failure(description: "soffice: \(result.stdout) \(result.stderr)") }
        return out
    }
}
