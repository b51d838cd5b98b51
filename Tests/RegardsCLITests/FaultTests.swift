import Foundation
import Testing
import RegardsStore
import RegardsTestSupport
import ZIPFoundation

/// Faults, each with real processes: kills, concurrent writers, full disks, unwritable targets, damaged files.
@Suite(.serialized) struct FaultTests {
    /// A copy of the demo campaign's workspace (to have workbooks of some size).
    func demo() throws -> (Field, String) { try Demo.copy() }

    func isCompleteWorkbook(_ path: String) -> Bool {
        guard let archive = try? Archive(url: URL(fileURLWithPath: path), accessMode: .read) else { return false }
        return archive["xl/workbook.xml"] != nil && archive["docProps/core.xml"] != nil
    }

    /// SIGKILL at seeded moments spread over an export's duration: the target holds the old workbook or
    /// the complete new one. Kills that land before the export opens the workspace prove nothing; at
    /// least one must land while it is writing.
    @Test func sigkillDuringAnExportLeavesTheOldFileOrTheNewOne() throws {
        let (f, db) = try demo()
        let target = f.directory.appendingPathComponent("campagne.xlsx").path
        let command = ["compare", "--campaign", "demo-occitanie-2026", "--db", db, "--xlsx", target]
        #expect(try Run(command, in: f.directory).status == 0)
        let original = try Data(contentsOf: URL(fileURLWithPath: target))
        let full = try duration(of: command)
        var generator = SeededGenerator(seed: 2026)
        var moments: [KillMoment] = []
        for _ in 0..<10 {
            let delay = full * (0.1 + 0.9 * Double(generator.next() % 1000) / 1000)
            moments.append(try killed(command, after: delay, watching: db))
            let now = try Data(contentsOf: URL(fileURLWithPath: target))
            #expect(now == original || isCompleteWorkbook(target), "a half-written workbook at the target path")
        }
        #expect(moments.filter { $0 == .midWrite }.count > 0, "no kill landed while the export was writing: \(moments)")
        #expect(try SQLiteWorkspace(path: db, create: false).integrityCheck() == ["ok"])
        // The next export removes what the killed ones left behind.
        #expect(try Run(command, in: f.directory).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: f.directory.path).allSatisfy { !$0.hasSuffix(".tmp") })
    }

    /// Four processes, 250 answers each, into one workspace: 1,000 history rows, no error.
    @Test func fourWritersThousandAnswers() throws {
        let f = Field()
        try f.newVisit()
        let script = """
            i=0; for c in AC-10 AC-02 AC-03 AC-04 AC-05 AC-06 AC-08 AC-09 AD-01 AD-02; do for n in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25; do \
            i=$((i+1)); "$0" answer 2026-001 "$c" $(( (i % 4) + 1 )) --db "$1" --inspector "$2" --comment "écrit par $2" >/dev/null || exit 1; done; done
            """
        let processes = (1...4).map { n -> Process in
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", script, Run.binary.path, f.db, "ecrivain-\(n)"]
            return p
        }
        try processes.forEach { try $0.run() }
        processes.forEach { $0.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == [0, 0, 0, 0])
        #expect(try f.historyCount() == 1000)
        #expect(try SQLiteWorkspace(path: f.db, create: false).integrityCheck() == ["ok"])
    }

    @Test func fullDiskAndUnwritableTargetsGiveAClearErrorAndNoPartialFile() throws {
        let (f, db) = try demo()
        let target = f.directory.appendingPathComponent("comparaison.xlsx").path
        // A file-size limit (bash counts KiB) above the workspace's shared-memory file but below the
        // workbook's size: the write fails (EFBIG), as on a full disk.
        let limited = try Clients.run("/bin/bash", ["-c", "ulimit -f 40; REGARDS_LANG=en exec \"$0\" compare 2026-001 --db \"$1\" --xlsx \"$2\"", Run.binary.path, db, target])
        #expect(limited.status == 74)
        #expect(limited.stderr.contains("regards: error: workbook_close failed"))
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(try FileManager.default.contentsOfDirectory(atPath: f.directory.path).allSatisfy { !$0.hasSuffix(".tmp") })
        let bundle = f.directory.appendingPathComponent("visite.json").path
        let limitedBundle = try Clients.run("/bin/bash", ["-c", "ulimit -f 40; REGARDS_LANG=en exec \"$0\" visit export 2026-001 --db \"$1\" --out \"$2\"", Run.binary.path, db, bundle])
        #expect(limitedBundle.status == 74)
        #expect(!FileManager.default.fileExists(atPath: bundle))
        // Not a regular file: refused before anything is written (as root, renaming over /dev/full would replace it).
        let device = try Run(["compare", "2026-001", "--db", db, "--xlsx", "/dev/full"], in: f.directory)
        #expect(device.status == 74)
        #expect(device.stderr == "regards: error: /dev/full: cannot write the workbook: not a regular file\n")
        #expect(try Run(["visit", "export", "2026-001", "--db", db, "--out", "/dev/full"], in: f.directory).status == 74)
        // A folder that cannot be written to (root ignores permission bits; /proc refuses everyone).
        let readOnly = try Run(["compare", "2026-001", "--db", db, "--xlsx", "/proc/regards.xlsx"], in: f.directory)
        #expect(readOnly.status == 74)
        #expect(readOnly.stderr.hasSuffix("regards: error: workbook_close failed (2): Error creating output xlsx file. Usually a permissions error.\n"))
        let missing = try Run(["compare", "2026-001", "--db", db, "--xlsx", f.directory.appendingPathComponent("absent/x.xlsx").path], in: f.directory)
        #expect(missing.status == 74)
    }

    /// libxlsxwriter is opened only when a workbook is written: without it, other commands still
    /// work, and a workbook command says what is missing and writes nothing.
    @Test func aMissingSpreadsheetLibraryIsReportedWhenAWorkbookIsAsked() throws {
        let (f, db) = try demo()
        let absent = ["REGARDS_XLSXWRITER": f.directory.appendingPathComponent("absent/libxlsxwriter.so.4").path]
        let target = f.directory.appendingPathComponent("comparaison.xlsx").path
        let refused = try Run(["compare", "2026-001", "--db", db, "--xlsx", target], in: f.directory, environment: absent)
        #expect(refused.status == 74)
        #expect(refused.stderr.hasPrefix("regards: error: libxlsxwriter cannot be loaded ("))
        #expect(refused.stderr.hasSuffix("); install it (Debian: apt-get install libxlsxwriter4)\n"))
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(try FileManager.default.contentsOfDirectory(atPath: f.directory.path).allSatisfy { !$0.hasSuffix(".tmp") })
        let text = try Run(["compare", "2026-001", "--db", db, "--format", "csv"], in: f.directory, environment: absent)
        #expect(text.status == 0 && text.stdout.hasPrefix("visit,"))
    }

    @Test func aDamagedWorkspaceGetsAClearError() throws {
        let (f, db) = try demo()
        // Random bytes over the schema page (all of page 1 after the 100-byte file header).
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: db))
        try handle.seek(toOffset: 100)
        var generator = SeededGenerator(seed: 7)
        try handle.write(contentsOf: Data((100..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }))
        try handle.close()
        let run = try Run(["visit", "list", "--db", db], in: f.directory)
        #expect(run.status == 65)
        #expect(run.stderr.contains("is damaged"), "\(run.stderr)")
        #expect(run.stderr.contains("restore it from a backup or re-import the visits with `regards visit import`"))
        #expect(!run.stderr.contains("Fatal error"))
    }

    @Test func outputsAreOwnerOnly() throws {
        let out = try Demo.folder().path
        for file in try FileManager.default.contentsOfDirectory(atPath: out) {
            let mode = (try FileManager.default.attributesOfItem(atPath: "\(out)/\(file)")[.posixPermissions] as? NSNumber)?.intValue
            #expect(mode == 0o600, "\(file)")
        }
        let (f, db) = try demo()
        let bundle = f.directory.appendingPathComponent("b.json").path
        #expect(try Run(["visit", "export", "2026-001", "--db", db, "--out", bundle], in: f.directory).status == 0)
        #expect((try FileManager.default.attributesOfItem(atPath: bundle)[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }
}
