import Foundation

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

/// Random 64-bit words from the system generator, fetched in blocks. Sendable: every access holds its lock.
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
