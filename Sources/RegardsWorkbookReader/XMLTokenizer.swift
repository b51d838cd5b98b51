/// A streaming reader of the XML an .xlsx holds, in place of Foundation's `XMLParser`: linking
/// FoundationXML would load libxml2 and ICU at every start of `regards`, workbook or not. Office
/// parts use a small subset of XML — UTF-8, elements, attributes, text, the five named entities and
/// character references, CDATA, comments, processing instructions, never a DTD (refused before) —
/// and that subset is read here, well-formedness checked (tags balanced, one root, attributes
/// quoted, entities known, no DTD), with the line of the first fault.
struct XMLTokenizer {
    /// What a part's parser is told, in document order; element names without their prefix,
    /// attribute keys as written.
    protocol Handler: AnyObject {
        func start(_ name: String, attributes: [String: String])
        func end(_ name: String)
        func text(_ text: String)
        /// Set by the handler to stop early.
        var stopped: Bool { get }
    }

    struct Malformed: Error {
        var line: Int
        /// A `<!DOCTYPE`: never written by a spreadsheet, the vehicle of entity attacks; refused by name.
        var documentType = false
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, into handler: some Handler) throws(Malformed) {
        var i = 0
        let n = bytes.count
        var open: [Slice<UnsafeBufferPointer<UInt8>>] = []
        var sawRoot = false
        func fault(_ at: Int) -> Malformed {
            var line = 1
            for k in 0..<min(at, n) where bytes[k] == 0x0A { line += 1 }
            return Malformed(line: line)
        }
        func starts(_ text: StaticString, at k: Int) -> Bool {
            let m = text.utf8CodeUnitCount
            guard k + m <= n else { return false }
            for j in 0..<m where bytes[k + j] != text.utf8Start[j] { return false }
            return true
        }
        func find(_ text: StaticString, from k: Int) -> Int? {
            var j = k
            while j < n { if bytes[j] == text.utf8Start[0], starts(text, at: j) { return j }; j += 1 }
            return nil
        }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        func isNameByte(_ b: UInt8) -> Bool { !isSpace(b) && b != UInt8(ascii: ">") && b != UInt8(ascii: "/") && b != UInt8(ascii: "=") && b != UInt8(ascii: "<") }
        func localName(_ name: Slice<UnsafeBufferPointer<UInt8>>) -> String {
            let local = name.lastIndex(of: UInt8(ascii: ":")).map { name[($0 + 1)...] } ?? name
            return String(decoding: local, as: UTF8.self)
        }
        /// Text with its entities resolved; nil for an unknown or malformed entity.
        func decode(_ from: Int, _ to: Int) -> String? {
            var j = from
            var plain = true
            while j < to { if bytes[j] == UInt8(ascii: "&") { plain = false; break }; j += 1 }
            if plain { return String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(to - from)
            j = from
            while j < to {
                let b = bytes[j]
                guard b == UInt8(ascii: "&") else { out.append(b); j += 1; continue }
                var k = j + 1
                while k < to, bytes[k] != UInt8(ascii: ";"), k - j < 12 { k += 1 }
                guard k < to, bytes[k] == UInt8(ascii: ";") else { return nil }
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(j + 1)..<k]), as: UTF8.self)
                switch name {
                case "lt": out.append(UInt8(ascii: "<"))
                case "gt": out.append(UInt8(ascii: ">"))
                case "amp": out.append(UInt8(ascii: "&"))
                case "quot": out.append(UInt8(ascii: "\""))
                case "apos": out.append(UInt8(ascii: "'"))
                default:
                    guard name.hasPrefix("#") else { return nil }
                    let digits = name.dropFirst()
                    let code = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
                    guard let code, let scalar = Unicode.Scalar(code) else { return nil }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                }
                j = k + 1
            }
            return String(decoding: out, as: UTF8.self)
        }

        while i < n, !handler.stopped {
            guard bytes[i] == UInt8(ascii: "<") else {
                // Text up to the next tag.
                var j = i
                while j < n, bytes[j] != UInt8(ascii: "<") { j += 1 }
                if open.isEmpty {
                    // Only white space may stand outside the root element.
                    for k in i..<j where !isSpace(bytes[k]) { throw fault(k) }
                } else {
                    guard let text = decode(i, j) else { throw fault(i) }
                    handler.text(text)
                }
                i = j
                continue
            }
            if starts("<?", at: i) {
                guard let end = find("?>", from: i + 2) else { throw fault(i) }
                i = end + 2
            } else if starts("<!--", at: i) {
                guard let end = find("-->", from: i + 4) else { throw fault(i) }
                i = end + 3
            } else if starts("<![CDATA[", at: i) {
                guard !open.isEmpty, let end = find("]]>", from: i + 9) else { throw fault(i) }
                handler.text(String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 9)..<end]), as: UTF8.self))
                i = end + 3
            } else if starts("<!", at: i) {
                // A DTD, or a declaration XML allows only inside one.
                var malformed = fault(i)
                malformed.documentType = starts("<!DOCTYPE", at: i)
                throw malformed
            } else if starts("</", at: i) {
                var j = i + 2
                while j < n, isNameByte(bytes[j]) { j += 1 }
                let name = bytes[(i + 2)..<j]
                while j < n, isSpace(bytes[j]) { j += 1 }
                guard j < n, bytes[j] == UInt8(ascii: ">"), let last = open.last, last.elementsEqual(name) else { throw fault(i) }
                open.removeLast()
                handler.end(localName(name))
                i = j + 1
            } else {
                var j = i + 1
                while j < n, isNameByte(bytes[j]) { j += 1 }
                let name = bytes[(i + 1)..<j]
                guard !name.isEmpty, !(open.isEmpty && sawRoot) else { throw fault(i) }
                var attributes: [String: String] = [:]
                var selfClosing = false
                while true {
                    while j < n, isSpace(bytes[j]) { j += 1 }
                    guard j < n else { throw fault(i) }
                    if bytes[j] == UInt8(ascii: ">") { j += 1; break }
                    if bytes[j] == UInt8(ascii: "/") {
                        guard j + 1 < n, bytes[j + 1] == UInt8(ascii: ">") else { throw fault(j) }
                        selfClosing = true
                        j += 2
                        break
                    }
                    let keyStart = j
                    while j < n, isNameByte(bytes[j]) { j += 1 }
                    let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[keyStart..<j]), as: UTF8.self)
                    while j < n, isSpace(bytes[j]) { j += 1 }
                    guard !key.isEmpty, j < n, bytes[j] == UInt8(ascii: "=") else { throw fault(j) }
                    j += 1
                    while j < n, isSpace(bytes[j]) { j += 1 }
                    guard j < n, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") else { throw fault(j) }
                    let quote = bytes[j]
                    let valueStart = j + 1
                    j = valueStart
                    while j < n, bytes[j] != quote { if bytes[j] == UInt8(ascii: "<") { throw fault(j) }; j += 1 }
                    guard j < n, let value = decode(valueStart, j), attributes[key] == nil else { throw fault(j) }
                    attributes[key] = value
                    j += 1
                }
                sawRoot = true
                let local = localName(name)
                handler.start(local, attributes: attributes)
                if selfClosing { handler.end(local) } else { open.append(name) }
                i = j
            }
        }
        if handler.stopped { return }
        guard open.isEmpty, sawRoot else { throw fault(n) }
    }
}
