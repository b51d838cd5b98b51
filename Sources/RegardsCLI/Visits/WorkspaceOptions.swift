import ArgumentParser
import Foundation
import RegardsCore
import RegardsProtocols
import RegardsStore

/// `--db` and `--inspector`, shared by every command that reads or writes a workspace.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp("The workspace file (default: $REGARDS_DB, else ./regards.sqlite).", valueName: "PATH"))
    var db: String?

    @Option(help: ArgumentHelp("Who records (default: $REGARDS_INSPECTOR, else the system user).", valueName: "NAME"))
    var inspector: String?

    var path: String {
        db ?? ProcessInfo.processInfo.environment["REGARDS_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "regards.sqlite"
    }

    var author: String {
        if let inspector, !inspector.isEmpty { return inspector }
        if let name = ProcessInfo.processInfo.environment["REGARDS_INSPECTOR"], !name.isEmpty { return name }
        if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "inconnu"
    }

    func open(create: Bool = false) throws -> SQLiteWorkspace {
        do {
            return try SQLiteWorkspace(path: path, create: create)
        } catch {
            throw fail(error)
        }
    }
}

func fail(_ error: StoreError) -> ExitCode {
    switch error {
    case .missing: fail(error.description, code: Exit.missingInput)
    case .notADatabase, .notAWorkspace, .newerSchema, .corrupt: fail(error.description, code: Exit.badData)
    case .sqlite, .cannotCreate: fail(error.description, code: Exit.ioError)
    }
}

/// Runs a store call, turning its failure into a one-line error and an exit code.
func store<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as StoreError {
        throw fail(error)
    }
}

enum Clock {
    /// UTC, ISO 8601 with milliseconds.
    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }

    static func today() -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        let c = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: c.year ?? 2000, month: c.month ?? 1, day: c.day ?? 1) ?? CalendarDate(dayNumber: 0)
    }
}

/// Globally unique ids for rows, so workspaces from several laptops can be merged.
enum UID {
    /// A random version-4 UUID in lower case. Randomness comes from the kernel's generator, drawn
    /// 4 KiB at a time: a campaign import makes a hundred thousand ids.
    static func make() -> String {
        var (a, b) = RandomPool.shared.next()
        a = (a & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000
        b = (b & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 36) { out in
            var i = 0
            func put(_ v: UInt64, _ count: Int) {
                for shift in stride(from: (count - 1) * 4, through: 0, by: -4) {
                    out[i] = digits[Int((v >> UInt64(shift)) & 0xF)]
                    i += 1
                }
            }
            put(a >> 32, 8); out[i] = 45; i += 1
            put((a >> 16) & 0xFFFF, 4); out[i] = 45; i += 1
            put(a & 0xFFFF, 4); out[i] = 45; i += 1
            put(b >> 48, 4); out[i] = 45; i += 1
            put(b & 0xFFFF_FFFF_FFFF, 12)
            return i
        }
    }
}

/// Random 64-bit words from the system generator, fetched in blocks.
final class RandomPool: @unchecked Sendable {
    static let shared = RandomPool()
    private let lock = NSLock()
    private var words = [UInt64](repeating: 0, count: 512)
    private var used = 512

    func next() -> (UInt64, UInt64) {
        lock.lock()
        defer { lock.unlock() }
        if used + 2 > words.count {
            words.withUnsafeMutableBytes { bytes in
                // One read of the kernel's generator for the whole block; word by word if it cannot be read.
                let fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
                let got = fd < 0 ? -1 : read(fd, bytes.baseAddress, bytes.count)
                if fd >= 0 { close(fd) }
                if got != bytes.count {
                    var g = SystemRandomNumberGenerator()
                    for i in 0..<(bytes.count / 8) { bytes.storeBytes(of: g.next(), toByteOffset: i * 8, as: UInt64.self) }
                }
            }
            used = 0
        }
        defer { used += 2 }
        return (words[used], words[used + 1])
    }
}

/// Reads a date typed on the command line.
func parseDate(_ text: String, option: String) throws -> CalendarDate {
    if let date = CalendarDate(iso: text) { return date }
    if text.trimmingCharacters(in: .whitespaces).isEmpty { throw fail("\(option) is empty; write YYYY-MM-DD (e.g. 2026-12-31)", code: Exit.usage) }
    let iso = text.split(separator: "-", omittingEmptySubsequences: false)
    if iso.count == 3, iso[0].count == 4, iso[1].count == 2, iso[2].count == 2, let y = Int(iso[0]), let m = Int(iso[1]), let d = Int(iso[2]), (1...12).contains(m), d > 0 {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        throw fail("\(option): `\(text)` does not exist: \(months[m - 1]) \(y) has \(CalendarDate.daysIn(month: m, year: y)) days", code: Exit.usage)
    }
    let parts = text.split(separator: "/")
    if parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]), let date = CalendarDate(year: y, month: m, day: d) {
        throw fail("\(option): `\(text)` is not a date in the YYYY-MM-DD form; did you mean `\(date)`?", code: Exit.usage)
    }
    throw fail("\(option): `\(text)` is not a date; write YYYY-MM-DD (e.g. 2026-12-31)", code: Exit.usage)
}

func splitList(_ text: String?) -> [String] {
    (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}
