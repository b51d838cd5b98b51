import Foundation

/// A Swift source file read just enough to find its string literals and the calls they are passed
/// to: comments and literals are blanked in `code` (same length, in Unicode scalars), so that
/// parentheses and commas can be matched there; each literal keeps its words (interpolations
/// replaced by `{}`).
public struct SwiftSource {
    public struct Literal {
        /// Offset of the opening quote in `code`.
        public var start: Int
        /// Offset just past the closing quote.
        public var end: Int
        /// The literal's own text; each interpolation is `{}`.
        public var text: String
        public var line: Int
    }

    public let path: String
    /// The source with comments and literals blanked to spaces (quotes kept).
    public let code: [Unicode.Scalar]
    public let literals: [Literal]

    public init(path: String, text: String) {
        self.path = path
        let s = Array(text.unicodeScalars)
        var code = s
        var literals: [Literal] = []
        var lineStarts = [0]
        for (i, c) in s.enumerated() where c == "\n" { lineStarts.append(i + 1) }
        func line(of offset: Int) -> Int {
            var low = 0, high = lineStarts.count - 1
            while low < high {
                let mid = (low + high + 1) / 2
                if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
            }
            return low + 1
        }
        func blank(_ range: Range<Int>) {
            for i in range where code[i] != "\n" { code[i] = " " }
        }
        /// Reads the literal opening at `i` (its quote or `#`); returns the offset past its end.
        func literal(at start: Int) -> Int {
            var i = start
            var hashes = 0
            while i < s.count, s[i] == "#" { hashes += 1; i += 1 }
            let multiline = i + 2 < s.count && s[i] == "\"" && s[i + 1] == "\"" && s[i + 2] == "\""
            i += multiline ? 3 : 1
            var words = ""
            while i < s.count {
                let c = s[i]
                if c == "\\" {
                    var j = i + 1, h = 0
                    while h < hashes, j < s.count, s[j] == "#" { h += 1; j += 1 }
                    if h == hashes, j < s.count, s[j] == "(" {
                        // An interpolation: skip its expression, literals inside it included.
                        var depth = 1
                        j += 1
                        while j < s.count, depth > 0 {
                            if s[j] == "\"" || (s[j] == "#" && j + 1 < s.count && s[j + 1] == "\"") { j = literal(at: j); continue }
                            if s[j] == "(" { depth += 1 } else if s[j] == ")" { depth -= 1 }
                            j += 1
                        }
                        words += "{}"
                        i = j
                        continue
                    }
                    if h == hashes, j < s.count {
                        words.unicodeScalars.append(s[j])
                        i = j + 1
                        continue
                    }
                }
                if c == "\"" {
                    let closes = multiline ? (i + 2 < s.count && s[i + 1] == "\"" && s[i + 2] == "\"") : true
                    if closes {
                        var j = i + (multiline ? 3 : 1), h = 0
                        while h < hashes, j < s.count, s[j] == "#" { h += 1; j += 1 }
                        if h == hashes {
                            literals.append(Literal(start: start, end: j, text: words, line: line(of: start)))
                            return j
                        }
                    }
                }
                words.unicodeScalars.append(c)
                i += 1
            }
            return i
        }
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "/", i + 1 < s.count, s[i + 1] == "/" {
                var j = i
                while j < s.count, s[j] != "\n" { j += 1 }
                blank(i..<j)
                i = j
            } else if c == "/", i + 1 < s.count, s[i + 1] == "*" {
                var j = i + 2, depth = 1
                while j < s.count, depth > 0 {
                    if s[j] == "/", j + 1 < s.count, s[j + 1] == "*" { depth += 1; j += 2; continue }
                    if s[j] == "*", j + 1 < s.count, s[j + 1] == "/" { depth -= 1; j += 2; continue }
                    j += 1
                }
                blank(i..<j)
                i = j
            } else if c == "\"" || (c == "#" && i + 1 < s.count && (s[i + 1] == "\"" || s[i + 1] == "#")) {
                let count = literals.count
                let end = literal(at: i)
                // Literals inside interpolations were recorded before the outer one: keep them in order.
                literals[count...].sort { $0.start < $1.start }
                blank((i + 1)..<max(i + 1, end - 1))
                i = end
            } else {
                i += 1
            }
        }
        self.code = code
        self.literals = literals
    }

    /// The offset just past the bracket (`)`, `]` or `}`) that closes the one at `open`.
    public func closing(_ open: Int) -> Int {
        var depth = 0, i = open
        while i < code.count {
            if code[i] == "(" || code[i] == "[" || code[i] == "{" { depth += 1 } else if code[i] == ")" || code[i] == "]" || code[i] == "}" {
                depth -= 1
                if depth == 0 { return i + 1 }
            }
            i += 1
        }
        return code.count
    }

    /// The top-level arguments of the call whose `(` is at `open`, as ranges of `code`.
    public func arguments(_ open: Int) -> [Range<Int>] {
        let end = closing(open) - 1
        var parts: [Range<Int>] = [], depth = 0, start = open + 1
        var i = open + 1
        while i < end {
            let c = code[i]
            if c == "(" || c == "[" || c == "{" { depth += 1 } else if c == ")" || c == "]" || c == "}" { depth -= 1 } else if c == ",", depth == 0 {
                parts.append(start..<i)
                start = i + 1
            }
            i += 1
        }
        if start < end || !parts.isEmpty { parts.append(start..<end) }
        return parts
    }

    /// Offsets of the `(` of each call written `name(` (the name preceded by no identifier character).
    public func calls(_ name: String) -> [Int] {
        let pattern = Array((name + "(").unicodeScalars)
        var out: [Int] = []
        guard code.count >= pattern.count else { return out }
        for i in 0...(code.count - pattern.count) where code[i] == pattern[0] {
            if Array(code[i..<(i + pattern.count)]) != pattern { continue }
            if let first = pattern.first, first != ".", first != "@", i > 0, isIdentifier(code[i - 1]) { continue }
            out.append(i + pattern.count - 1)
        }
        return out
    }

    /// Offsets of the `{` that opens each declaration written `text` (e.g. `var description: String`).
    public func bodies(_ text: String) -> [Int] {
        let pattern = Array(text.unicodeScalars)
        var out: [Int] = []
        guard code.count >= pattern.count else { return out }
        for i in 0...(code.count - pattern.count) where code[i] == pattern[0] && Array(code[i..<(i + pattern.count)]) == pattern {
            var j = i + pattern.count
            while j < code.count, code[j] == " " { j += 1 }
            if j < code.count, code[j] == "{" { out.append(j) }
        }
        return out
    }

    /// The literals that start inside `range`.
    public func literals(in range: Range<Int>) -> [Literal] {
        literals.filter { range.contains($0.start) }
    }

    /// The code just before offset `i`, trimmed, up to `count` scalars.
    public func before(_ i: Int, count: Int = 24) -> String {
        var j = i - 1
        while j >= 0, code[j] == " " || code[j] == "\n" || code[j] == "\t" { j -= 1 }
        let from = max(0, j - count + 1)
        return j < 0 ? "" : String(String.UnicodeScalarView(code[from...j]))
    }

    public func text(_ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(code[range])).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public func line(of offset: Int) -> Int {
        code[..<min(offset, code.count)].reduce(1) { $0 + ($1 == "\n" ? 1 : 0) }
    }

    func isIdentifier(_ c: Unicode.Scalar) -> Bool {
        c == "_" || CharacterSet.alphanumerics.contains(c)
    }
}
