import Testing
@testable import RegardsCore
import RegardsTestSupport

/// Deterministic mutation fuzzing: random byte edits of valid inputs never crash the readers.
/// Fixed seeds keep CI bounded and reproducible. (The protocol loader has its own mutator in
/// RegardsProtocolsTests.MalformedFileTests.)
@Suite(.messages(.en)) struct FuzzTests {
    struct Mutator {
        var seed: UInt64
        mutating func next() -> UInt64 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return seed >> 33
        }
        mutating func mutate(_ original: [UInt8], alphabet: [UInt8]) -> [UInt8] {
            var bytes = original
            for _ in 0..<(1 + Int(next() % 8)) {
                guard !bytes.isEmpty else { bytes.append(alphabet[0]); continue }
                let position = Int(next() % UInt64(bytes.count))
                switch next() % 4 {
                case 0: bytes[position] = alphabet[Int(next() % UInt64(alphabet.count))]
                case 1: bytes.remove(at: position)
                case 2: bytes.insert(alphabet[Int(next() % UInt64(alphabet.count))], at: position)
                default:
                    let end = Swift.min(bytes.count, position + Int(next() % 40))
                    bytes.insert(contentsOf: bytes[position..<end], at: position)
                }
            }
            return bytes
        }
    }

    static let csv = Array("criterion,value,comment,evidence\r\nAC-01,3,\"a, b\",livret\nAC-02,nc,\"deux\nlignes\",\nCTL-DU-01,conforme,\"il a dit \"\"non\"\"\",x\n".utf8)

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func csvReaderAndBatchNeverCrash(seed: UInt64) {
        var m = Mutator(seed: seed)
        let alphabet = Array(",\"\r\n;\t =+-@é\u{0}".utf8) + [0xFF, 0xC3]
        for _ in 0..<600 {
            let bytes = m.mutate(Self.csv, alphabet: alphabet)
            let text = String(decoding: bytes, as: UTF8.self)
            do {
                let table = try CSVTable.parse(text)
                switch AnswerBatch.read(table, grids: Sample.grids, context: ["public": .text("jeunes")]) {
                case .success(let rows): #expect(rows.allSatisfy { $0.line >= 2 })
                case .failure(let refusal): #expect(!refusal.list.isEmpty && refusal.list.allSatisfy { $0.line >= 1 })
                }
            } catch {
                #expect(error.line >= 1)
            }
        }
    }

    /// Each mutated condition gives a condition (whose variables sit inside its text and which evaluates
    /// to a truth value once they are set) or a syntax error located inside the text.
    @Test(arguments: [UInt64(7), 8])
    func conditionParserGivesAConditionOrALocatedError(seed: UInt64) {
        var m = Mutator(seed: seed)
        let original = Array("(public == 'jeunes' or places >= 40) and not diffus and public in ['a', b]".utf8)
        var parsed = 0, refused = 0
        for _ in 0..<800 {
            let text = String(decoding: m.mutate(original, alphabet: Array("()[]'\"=!<> ,andornotin".utf8)), as: UTF8.self)
            let length = text.unicodeScalars.count
            do {
                let c = try Condition.parse(text)
                parsed += 1
                #expect(c.variables.allSatisfy { $0.offset >= 0 && $0.offset + $0.name.unicodeScalars.count <= length }, "\(text)")
                // Every variable set (to a value of each kind in turn): the condition has a truth value.
                for value in [Condition.Value.text("jeunes"), .number(40), .boolean(true)] {
                    #expect(c.evaluate(Dictionary(c.variables.map { ($0.name, value) }, uniquingKeysWith: { a, _ in a })) != nil, "\(text)")
                }
            } catch {
                refused += 1
                #expect(error.offset >= 0 && error.offset <= length && !error.message.isEmpty, "\(text): \(error)")
            }
        }
        // The mutations reach both outcomes.
        #expect(parsed > 0 && refused > 0)
    }

    /// Edge inputs read on every run, each with what it gives. Any input that ever crashes a reader is added here (none has yet).
    @Test(arguments: [
        ("\"", "error 1: a quoted field is not closed before the end of the file"),
        ("a,\"", "error 1: a quoted field is not closed before the end of the file"),
        ("\"\"\"", "error 1: a quoted field is not closed before the end of the file"),
        (",\n,\n\"", "error 3: a quoted field is not closed before the end of the file"),
        ("\u{FEFF}", "error 1: the file is empty; expected a header row"),
        ("\r", "error 1: the file is empty; expected a header row"),
        ("\r\r\n\"x\"\"\r\n", "error 3: a quoted field is not closed before the end of the file"),
        ("a,b\n1,2", "header a|b; rows 2:1|2"),
        ("a\n\"x\ny\"\n", "header a; rows 2:x\ny"),
        ("a,b\r\n,\r\n", "header a|b; rows 2:|"),
    ])
    func edgeInputs(text: String, expected: String) {
        do {
            let table = try CSVTable.parse(text)
            #expect("header \(table.header.joined(separator: "|")); rows " + table.rows.map { "\($0.line):\($0.fields.joined(separator: "|"))" }.joined(separator: " ") == expected)
        } catch {
            #expect("error \(error.line): \(error.message)" == expected)
        }
    }
}
