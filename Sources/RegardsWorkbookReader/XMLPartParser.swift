import RegardsCore
import Foundation

/// The base of every part's parser: a streaming reader (no tree is built, see `XMLTokenizer`) that
/// turns a parse failure into a one-line error naming the part.
class XMLPartParser: XMLTokenizer.Handler {
    let part: String
    private var failure: WorkbookReaderError?
    var stopped: Bool { failure != nil }

    init(part: String) {
        self.part = part
    }

    func parse(_ data: Data) throws(WorkbookReaderError) {
        let result: Result<Void, XMLTokenizer.Malformed> = data.withUnsafeBytes { raw in
            Result { () throws(XMLTokenizer.Malformed) in try XMLTokenizer.parse(raw.bindMemory(to: UInt8.self), into: self) }
        }
        if let failure { throw failure }
        // Office parts never declare a DTD: one is a hostile file (entity expansion, external entities).
        if case .failure(let malformed) = result { throw malformed.documentType ? .documentType(part: part) : .malformedXML(part: part, line: malformed.line) }
    }

    // What the parts override: an element's start (its local name, its attributes as written), its end, text.
    func start(_ elementName: String, attributes: [String: String]) {}

    func end(_ elementName: String) {}

    func text(_ string: String) {}

    /// Stops the parse; `parse` then throws this error.
    func fail(_ error: WorkbookReaderError) {
        guard failure == nil else { return }
        failure = error
    }

    /// An attribute by its local name, whatever its prefix (`r:id` is found as `id`). Unprefixed
    /// keys are tried first: they are the common case and cost one lookup.
    @inline(__always)
    static func attribute(_ name: String, in attributes: [String: String]) -> String? {
        if let value = attributes[name] { return value }
        for (key, value) in attributes {
            if let colon = key.lastIndex(of: ":"), key[key.index(after: colon)...] == name { return value }
        }
        return nil
    }

    /// Text as Office writes it: characters XML cannot hold are escaped as `_xHHHH_` (UTF-16 code
    /// units), and `_x005F_` escapes an underscore. Most texts have no `_x` and are returned as they are.
    static func unescapeOfficeText(_ text: String) -> String {
        guard text.utf8.count >= 7, Self.mayHaveEscape(text) else { return text }
        let units = Array(text.utf16)
        var out: [UInt16] = []
        out.reserveCapacity(units.count)
        var i = 0
        while i < units.count {
            if units[i] == 0x5F, i + 6 < units.count, units[i + 1] == 0x78, units[i + 6] == 0x5F, let code = hex(units[(i + 2)..<(i + 6)]) {
                out.append(code)
                i += 7
            } else {
                out.append(units[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF16.self)
    }

    /// `_x` somewhere: a byte scan (Foundation's `contains` costs far more, once per cell).
    private static func mayHaveEscape(_ text: String) -> Bool {
        var underscore = false
        for byte in text.utf8 {
            if underscore, byte == UInt8(ascii: "x") { return true }
            underscore = byte == UInt8(ascii: "_")
        }
        return false
    }

    private static func hex(_ digits: ArraySlice<UInt16>) -> UInt16? {
        var value: UInt16 = 0
        for d in digits {
            switch d {
            case 0x30...0x39: value = value << 4 | (d - 0x30)
            case 0x41...0x46: value = value << 4 | (d - 0x37)
            case 0x61...0x66: value = value << 4 | (d - 0x57)
            default: return nil
            }
        }
        return value
    }

    /// `1`, `true` (LibreOffice) and `on` are true; anything else is false.
    static func isTrue(_ value: String?) -> Bool {
        value == "1" || value == "true" || value == "on"
    }
}
