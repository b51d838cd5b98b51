import Foundation
import RegardsTestSupport
import Testing
@testable import RegardsCore

/// Agreement figures: published worked examples, the reference fixture written by
/// Tests/Support/agreement_reference.py (scikit-learn, statsmodels, krippendorff), and the edge cases.
@Suite(.messages(.en)) struct AgreementTests {
    typealias Ratings = Agreement.Ratings

    // MARK: Published worked examples

    /// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C and following:
    /// 4 observers, 12 units, missing values (unit 12 has a single value). Published: nominal
    /// α = 0.743, ordinal α = 0.815, interval α = 0.849, from n = 40 pairable values.
    @Test func krippendorffWorkedExample() throws {
        let ratings = try Ratings(categories: [1, 2, 3, 4, 5], values: [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, nil, nil, nil],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nil, 3],
            [nil, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nil],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nil],
        ])
        for (metric, published) in [(Agreement.AlphaMetric.nominal, 0.743), (.ordinal, 0.815), (.interval, 0.849)] {
            let alpha = try #require(ratings.alpha(metric: metric).figure)
            #expect(abs(alpha.value - published) < 0.0005, "\(metric): \(alpha.value)")
            #expect(alpha.pairableValues == 40)
            #expect(alpha.pairableItems == 11)
            #expect(alpha.unpairedValues == 1)
        }
    }

    /// Krippendorff (2011), section A: binary data, two observers, ten units, published α = 0.095.
    @Test func krippendorffBinaryExample() throws {
        let ratings = try Ratings(categories: [0, 1], values: [[0, 1, 0, 0, 0, 0, 0, 0, 1, 0], [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]])
        let alpha = try #require(ratings.alpha(metric: .nominal).figure)
        #expect(abs(alpha.value - 0.095) < 0.0005, "\(alpha.value)")
    }

    /// SAS/STAT User's Guide, The FREQ Procedure, Getting Started, "Agreement Study" (skin
    /// condition rated terrible, poor, marginal, clear by two dermatologists, 88 patients):
    /// published simple kappa 0.3449, ASE 0.0724, 95 % confidence limits 0.2030 and 0.4868.
    @Test func sasAgreementStudy() throws {
        let table = [[10, 4, 1, 0], [5, 10, 12, 2], [2, 4, 12, 5], [0, 2, 6, 13]]
        var first: [Int?] = [], second: [Int?] = []
        for (i, row) in table.enumerated() {
            for (j, count) in row.enumerated() {
                first += Array(repeating: i + 1, count: count)
                second += Array(repeating: j + 1, count: count)
            }
        }
        let kappa = try #require(try Ratings(categories: [1, 2, 3, 4], values: [first, second]).kappa(weighting: .unweighted).figure)
        let interval = kappa.confidenceInterval()
        #expect(kappa.items == 88)
        #expect(abs(kappa.value - 0.3449) < 0.00005, "\(kappa.value)")
        #expect(abs(kappa.standardError - 0.0724) < 0.00005, "\(kappa.standardError)")
        #expect(abs(interval.lowerBound - 0.2030) < 0.00005 && abs(interval.upperBound - 0.4868) < 0.00005, "\(interval)")
    }

    // MARK: Reference implementations, on generated data

    struct Reference: Codable, Equatable {
        struct Generator: Codable, Equatable { let script: String; let seed: Int }
        struct KappaFigures: Codable, Equatable {
            let value: Double, standardError: Double?, standardErrorUnderNull: Double?, low: Double?, high: Double?
        }
        struct DataSet: Codable, Equatable {
            let name: String
            let categories: [Int]
            let values: [[Int?]]
            let observedAgreement: Double?
            let kappa: [String: KappaFigures?]
            let alpha: [String: Double?]
        }
        let generator: Generator
        let datasets: [DataSet]
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixture = root.appendingPathComponent("Tests/Fixtures/agreement/reference.json")
    static let script = root.appendingPathComponent("Tests/Support/agreement_reference.py")

    static func load(_ url: URL) throws -> Reference {
        try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }

    /// Every figure of every data set against the reference, |difference| ≤ 1e-9; a null of the
    /// reference (0/0, or a refusal) must be an undefined figure here.
    @Test func matchesTheReferenceImplementations() throws {
        let reference = try Self.load(Self.fixture)
        #expect(reference.datasets.count >= 10)
        var largest = 0.0
        func check(_ actual: Double?, _ expected: Double?, _ what: String, _ set: String) {
            guard let expected else {
                #expect(actual == nil, "\(set): \(what) should be undefined, is \(String(describing: actual))")
                return
            }
            guard let actual else {
                Issue.record("\(set): \(what) undefined, the reference says \(expected)")
                return
            }
            largest = max(largest, abs(actual - expected))
            #expect(abs(actual - expected) <= 1e-9, "\(set): \(what) \(actual), reference \(expected)")
        }
        for set in reference.datasets {
            let ratings = try Ratings(categories: set.categories, values: set.values)
            check(ratings.observedAgreement().figure?.proportion, set.observedAgreement, "observed agreement", set.name)
            #expect(Set(set.kappa.keys) == Set(Agreement.KappaWeighting.allCases.map(\.rawValue)))
            for weighting in Agreement.KappaWeighting.allCases {
                let expected = set.kappa[weighting.rawValue] ?? nil
                let kappa = ratings.kappa(weighting: weighting).figure
                let name = "\(weighting.rawValue) kappa"
                check(kappa?.value, expected?.value, name, set.name)
                guard let kappa, let expected else { continue }
                check(kappa.standardError, expected.standardError, name + " SE", set.name)
                check(kappa.standardErrorUnderNull, expected.standardErrorUnderNull, name + " SE under κ = 0", set.name)
                check(kappa.confidenceInterval().lowerBound, expected.low, name + " CI low", set.name)
                check(kappa.confidenceInterval().upperBound, expected.high, name + " CI high", set.name)
            }
            #expect(Set(set.alpha.keys) == Set(Agreement.AlphaMetric.allCases.map(\.rawValue)))
            for metric in Agreement.AlphaMetric.allCases {
                check(ratings.alpha(metric: metric).figure?.value, set.alpha[metric.rawValue] ?? nil, "\(metric.rawValue) alpha", set.name)
            }
        }
        print("agreement reference: \(reference.datasets.count) data sets, largest |difference| \(largest)")
    }

    /// The data sets cover what the issue asks: edge cases, 2 to 4 raters, scales of 2 to 7 levels, missing values.
    @Test func referenceCoversTheEdgeCases() throws {
        let sets = try Self.load(Self.fixture).datasets
        #expect(Set(sets.map { $0.values.count }).isSuperset(of: [2, 3, 4]))
        #expect(Set(sets.map { $0.categories.count }).isSuperset(of: [2, 3, 4, 5, 7]))
        #expect(sets.contains { $0.values.contains { $0.contains(nil) } })
        #expect(sets.contains { $0.alpha["ordinal"] == .some(1.0) })
        #expect(sets.contains { $0.alpha["ordinal"] == .some(nil) })
        #expect(sets.contains { ($0.alpha["ordinal"] ?? nil).map { $0 < 0 } ?? false })
    }

    static let referencePackages = Clients.agreementReference

    /// The committed fixture is what the script writes today: it cannot drift from its generator.
    /// Figures within 1e-12 rather than byte for byte: another numpy may sum in another order.
    @Test(.enabled(if: referencePackages || Clients.required, "python3 with scikit-learn, statsmodels and krippendorff is not installed"))
    func fixtureIsWhatTheScriptWrites() throws {
        let python = try #require(Self.referencePackages ? Clients.python : nil,
                                  "scikit-learn, statsmodels and krippendorff are required (REGARDS_REQUIRE_CLIENTS=1); run `make setup-tests`")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("regards-agreement-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("reference.json")
        let run = try Clients.run(python, [Self.script.path, out.path])
        try #require(run.status == 0, "\(run.stderr)")
        let (fresh, committed) = (try Self.load(out), try Self.load(Self.fixture))
        #expect(fresh.generator == committed.generator)
        try #require(fresh.datasets.count == committed.datasets.count)
        func close(_ a: Double?, _ b: Double?) -> Bool {
            if let a, let b { return abs(a - b) <= 1e-12 }
            return a == nil && b == nil
        }
        for (f, c) in zip(fresh.datasets, committed.datasets) {
            #expect(f.name == c.name && f.categories == c.categories && f.values == c.values, "\(c.name): data changed")
            #expect(close(f.observedAgreement, c.observedAgreement), "\(c.name)")
            #expect(f.kappa.keys.sorted() == c.kappa.keys.sorted() && f.alpha.keys.sorted() == c.alpha.keys.sorted())
            for (key, cf) in c.kappa {
                let ff = f.kappa[key] ?? nil
                #expect((ff == nil) == (cf == nil), "\(c.name): \(key) kappa")
                guard let ff, let cf else { continue }
                #expect(close(ff.value, cf.value) && close(ff.standardError, cf.standardError) && close(ff.standardErrorUnderNull, cf.standardErrorUnderNull)
                        && close(ff.low, cf.low) && close(ff.high, cf.high), "\(c.name): \(key) kappa \(ff) ≠ \(cf)")
            }
            for (key, value) in c.alpha { #expect(close(f.alpha[key] ?? nil, value), "\(c.name): \(key) alpha") }
        }
    }

    // MARK: Edge cases, typed

    @Test func oneLevelUsedByEveryoneIsUndefined() throws {
        let ratings = try Ratings(categories: [1, 2, 3, 4], values: [[3, 3, 3], [3, 3, nil], [nil, 3, 3]])
        #expect(ratings.observedAgreement().figure?.proportion == 1)
        for weighting in Agreement.KappaWeighting.allCases {
            #expect(ratings.kappa(weighting: weighting) == .undefined(.singleCategory(3)))
        }
        for metric in Agreement.AlphaMetric.allCases {
            #expect(ratings.alpha(metric: metric) == .undefined(.singleCategory(3)))
        }
    }

    @Test func tooFewItems() throws {
        let one = try Ratings(categories: [1, 2, 3], values: [[1, nil, 2], [2, 3, nil]])
        #expect(one.kappa() == .undefined(.tooFewItems(count: 1, needed: 2)))
        #expect(one.observedAgreement().figure == Agreement.ObservedAgreement(items: 1, agreeing: 0))
        let none = try Ratings(categories: [1, 2, 3], values: [[1, nil], [nil, 3]])
        #expect(none.observedAgreement() == .undefined(.tooFewItems(count: 0, needed: 1)))
        #expect(none.kappa() == .undefined(.tooFewItems(count: 0, needed: 2)))
        #expect(none.alpha() == .undefined(.tooFewPairableValues(count: 0)))
        let empty = try Ratings(categories: [1, 2], values: [[], []])
        #expect(empty.alpha() == .undefined(.tooFewPairableValues(count: 0)))
        #expect(empty.kappa() == .undefined(.tooFewItems(count: 0, needed: 2)))
        let single = try Ratings(categories: [1, 2], values: [[1, 2, 2]])
        #expect(single.alpha() == .undefined(.tooFewPairableValues(count: 0)))
    }

    /// An item one rater scored holds no pairable value: alpha is the same without it.
    @Test func anItemScoredOnceIsLeftOutOfAlpha() throws {
        let base: [[Int?]] = [[1, 2, 3, 4, 2, 3], [1, 3, 3, 4, 1, 3], [2, 2, nil, 4, 2, 4]]
        let with = try Ratings(categories: [1, 2, 3, 4], values: base.enumerated().map { $0.element + [$0.offset == 1 ? 4 : nil] })
        let without = try Ratings(categories: [1, 2, 3, 4], values: base)
        for metric in Agreement.AlphaMetric.allCases {
            let a = try #require(with.alpha(metric: metric).figure), b = try #require(without.alpha(metric: metric).figure)
            #expect(a.value == b.value)
            #expect(a.unpairedValues == 1 && b.unpairedValues == 0)
            #expect(a.pairableValues == b.pairableValues && a.pairableValues == 17)
        }
    }

    @Test func perfectAgreement() throws {
        let ratings = try Ratings(categories: [1, 2, 3, 4], values: [[1, 2, 4, 4, 3], [1, 2, 4, 4, 3]])
        for weighting in Agreement.KappaWeighting.allCases {
            let kappa = try #require(ratings.kappa(weighting: weighting).figure)
            #expect(kappa.value == 1 && kappa.standardError == 0 && kappa.confidenceInterval() == 1...1)
        }
        #expect(ratings.alpha().figure?.value == 1)
    }

    /// The scale may be listed top first (the conformity scale is 2, 1, 0): no figure depends on the direction.
    @Test func theScaleDirectionChangesNothing() throws {
        let values: [[Int?]] = [[0, 1, 2, 2, 1, nil, 0, 2], [0, 2, 2, 1, 1, 1, nil, 2], [1, 1, 2, 2, nil, 1, 0, 2]]
        let up = try Ratings(categories: [0, 1, 2], values: values), down = try Ratings(categories: [2, 1, 0], values: values)
        for weighting in Agreement.KappaWeighting.allCases {
            let a = try #require(up.kappa(weighting: weighting).figure), b = try #require(down.kappa(weighting: weighting).figure)
            #expect(abs(a.value - b.value) < 1e-12 && abs(a.standardError - b.standardError) < 1e-12)
        }
        for metric in Agreement.AlphaMetric.allCases {
            let a = try #require(up.alpha(metric: metric).figure), b = try #require(down.alpha(metric: metric).figure)
            #expect(abs(a.value - b.value) < 1e-12)
        }
    }

    /// « Non concerné » and « non évalué » are not points of the scale: they count as missing.
    @Test func answersOutsideTheScaleAreMissing() throws {
        #expect(Agreement.value(of: .level(2)) == 2)
        #expect(Agreement.value(of: .notApplicable) == nil)
        #expect(Agreement.value(of: .notAssessed) == nil)
        #expect(Agreement.value(of: nil) == nil)
        let answers: [[AnswerValue?]] = [[.level(2), .notApplicable, .level(0), nil], [.level(1), .level(1), .notAssessed, .level(2)]]
        let ratings = try Ratings(scale: Sample.conformity, answers: answers)
        #expect(ratings == (try Ratings(categories: [2, 1, 0], values: [[2, nil, 0, nil], [1, 1, nil, 2]])))
        #expect(ratings.observedAgreement().figure == Agreement.ObservedAgreement(items: 1, agreeing: 0))
    }

    @Test(arguments: [
        ([1], [[1]], Agreement.InputError.tooFewCategories(count: 1)),
        ([1, 2, 1], [[1]], .duplicateCategory(1)),
        ([1, 2], [[1, 2], [1]], .unequalItemCounts(rater: 1, items: 1, expected: 2)),
        ([1, 2], [[1, 2], [nil, 5]], .valueOutsideScale(value: 5, rater: 1, item: 1)),
    ] as [([Int], [[Int?]], Agreement.InputError)])
    func refusedRatings(categories: [Int], values: [[Int?]], error: Agreement.InputError) {
        #expect(throws: error) { try Ratings(categories: categories, values: values) }
    }

    @Test func messages() {
        #expect(Agreement.Undefined.singleCategory(3).description == "every value is level 3: no variation, agreement cannot be told from chance")
        #expect(Agreement.Undefined.tooFewItems(count: 1, needed: 2).description == "1 item scored by both raters, at least 2 needed")
        #expect(Agreement.Undefined.tooFewPairableValues(count: 0).description == "0 pairable values: no item was scored by two raters or more")
        #expect(Agreement.InputError.valueOutsideScale(value: 5, rater: 1, item: 1).description == "rater 2 gave item 2 the value 5, not a level of the scale")
    }
}
