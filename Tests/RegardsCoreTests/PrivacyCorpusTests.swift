import Foundation
import Testing
@testable import RegardsCore

/// Measures the scanner on the labelled corpus (Tests/Fixtures/privacy/corpus.tsv): one snippet per
/// line, `KIND<TAB>TEXT`, KIND one of the personal-data kinds or `none`.
@Suite struct PrivacyCorpusTests {
    struct Line { var kind: String; var text: String }

    static let lines: [Line] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/privacy/corpus.tsv")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#"), let tab = line.firstIndex(of: "\t") else { return nil }
            return Line(kind: String(line[..<tab]), text: String(line[line.index(after: tab)...]))
        }
    }()

    struct Figures {
        var truePositives: [String: Int] = [:]
        var expected: [String: Int] = [:]
        var falsePositives: [String: Int] = [:]
        var misses: [String] = []
        var wrong: [String] = []

        func recall(_ kind: String) -> Double { Double(truePositives[kind] ?? 0) / Double(max(1, expected[kind] ?? 0)) }
        var precision: Double {
            let tp = truePositives.values.reduce(0, +), fp = falsePositives.values.reduce(0, +)
            return Double(tp) / Double(max(1, tp + fp))
        }
    }

    static func measure() -> Figures {
        let scanner = PersonalDataScanner()
        var f = Figures()
        for line in lines {
            let found = scanner.scan(line.text).map(\.kind.rawValue)
            if line.kind != "none" {
                f.expected[line.kind, default: 0] += 1
                if found.contains(line.kind) { f.truePositives[line.kind, default: 0] += 1 } else { f.misses.append("\(line.kind): \(line.text)") }
            }
            // Each finding is right once for the labelled kind; any other finding is a false positive.
            var expectedLeft = line.kind == "none" ? 0 : 1
            for kind in found {
                if kind == line.kind && expectedLeft > 0 {
                    expectedLeft -= 1
                } else {
                    f.falsePositives[kind, default: 0] += 1
                    f.wrong.append("\(line.kind) → \(kind): \(line.text)")
                }
            }
        }
        return f
    }

    @Test func corpusIsLargeEnough() {
        let positives = Self.lines.filter { $0.kind != "none" }.count, negatives = Self.lines.filter { $0.kind == "none" }.count
        #expect(positives >= 200 && negatives >= 200)
    }

    @Test func recallAndPrecisionMeetTheTargets() {
        let f = Self.measure()
        for kind in ["nir", "email", "phone", "iban"] {
            #expect(f.recall(kind) >= 0.98, "recall \(kind) \(f.recall(kind)); missed: \(f.misses.filter { $0.hasPrefix(kind) }.prefix(5))")
        }
        #expect(f.precision >= 0.95, "precision \(f.precision); wrong: \(f.wrong.prefix(8))")
        let kinds = ["nir", "email", "phone", "iban", "birthdate", "address"]
        print("personal-data corpus: \(Self.lines.count) snippets; precision \(String(format: "%.3f", f.precision)); recall "
              + kinds.map { "\($0) \(String(format: "%.3f", f.recall($0))) (\(f.truePositives[$0] ?? 0)/\(f.expected[$0] ?? 0))" }.joined(separator: ", "))
        if !f.misses.isEmpty { print("missed:\n  " + f.misses.joined(separator: "\n  ")) }
        if !f.wrong.isEmpty { print("false positives:\n  " + f.wrong.joined(separator: "\n  ")) }
    }
}
