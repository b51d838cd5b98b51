/// Every legal or professional reference the protocols cite, with what cites it and whether it is
/// confirmed: the sources table an inspector reviews before a campaign (`docs/references.md`,
/// written by `regards protocol references`).
public struct ReferenceIndex: Codable, Equatable, Sendable {
    /// One element of a protocol that cites the reference.
    public struct Citation: Codable, Equatable, Sendable {
        /// `chrs-controle@2.0.0`.
        public var `protocol`: String
        /// `criterion`, `document` or `journey-step`.
        public var element: String
        public var id: String
        public var title: String
        public var status: ReviewStatus
    }

    public struct Entry: Codable, Equatable, Sendable {
        public var reference: String
        /// The code or kind of text it belongs to (`CASF`, `HAS`, `Textes`…), for grouping.
        public var family: String
        /// `a-verifier` when any element citing it is flagged.
        public var status: ReviewStatus
        /// Whether the reference names an article (see `LegalReference.citesArticle`).
        public var namesArticle: Bool
        public var citations: [Citation]
    }

    /// The protocols read, `id@version`.
    public var protocols: [String]
    public var entries: [Entry]

    public init(_ grids: [AuditProtocol]) {
        protocols = grids.map(\.reference)
        var byReference: [String: [Citation]] = [:]
        var order: [String] = []
        func cite(_ reference: String, _ citation: Citation) {
            let text = reference.trimmedSpaces
            guard !text.isEmpty else { return }
            if byReference[text] == nil { order.append(text) }
            byReference[text, default: []].append(citation)
        }
        for p in grids {
            for (_, c) in p.allCriteria {
                for r in c.references { cite(r, Citation(protocol: p.reference, element: "criterion", id: c.id, title: c.title, status: c.status)) }
            }
            for d in p.documents {
                for r in d.references { cite(r, Citation(protocol: p.reference, element: "document", id: d.id, title: d.title, status: d.status)) }
            }
            for s in p.journey?.steps ?? [] {
                // A step's reference is one text; `;` separates several (`CASF L311-3 ; ANESM RBPP 2008`).
                for r in (s.reference ?? "").split(separator: ";") {
                    cite(String(r), Citation(protocol: p.reference, element: "journey-step", id: s.id, title: s.title, status: s.status))
                }
            }
        }
        entries = order.map { reference in
            let citations = byReference[reference] ?? []
            return Entry(reference: reference, family: Self.family(of: reference),
                         status: citations.contains { $0.status == .aVerifier } ? .aVerifier : .confirme,
                         namesArticle: LegalReference.citesArticle(reference), citations: citations)
        }
        .sorted { a, b in
            let fa = Self.families.firstIndex(of: a.family) ?? Self.families.count, fb = Self.families.firstIndex(of: b.family) ?? Self.families.count
            return fa != fb ? fa < fb : NaturalOrder.less(a.reference, b.reference)
        }
    }

    /// The groups of the table, in order, with their headings.
    public static let families = ["CASF", "CCH", "CMF", "Code du travail", "CPP", "Textes", "Charte", "HAS", "ANESM", "Autres"]
    static let headings = [
        "CASF": "Code de l'action sociale et des familles (CASF)", "CCH": "Code de la construction et de l'habitation (CCH)",
        "CMF": "Code monétaire et financier (CMF)", "Code du travail": "Code du travail", "CPP": "Code de procédure pénale (CPP)",
        "Textes": "Lois, décrets, arrêtés, circulaires et instructions", "Charte": "Charte des droits et libertés de la personne accueillie",
        "HAS": "Référentiel d'évaluation de la HAS (2022)", "ANESM": "Recommandations de bonnes pratiques (ANESM)", "Autres": "Autres sources",
    ]

    static func family(of reference: String) -> String {
        let r = reference.lowercased()
        for (prefix, family) in [("casf", "CASF"), ("cch", "CCH"), ("cmf", "CMF"), ("code du travail", "Code du travail"), ("cpp", "CPP"),
                                 ("charte", "Charte"), ("has", "HAS"), ("référentiel has", "HAS"), ("anesm", "ANESM")] where r.hasPrefix(prefix) {
            return family
        }
        for prefix in ["loi", "lfss", "décret", "decret", "arrêté", "arrete", "circ", "instr", "règlement", "reglement", "ordonnance"] where r.hasPrefix(prefix) {
            return "Textes"
        }
        return "Autres"
    }

    /// The table as Markdown, grouped by family: reference, status, what cites it, what it is about.
    public func markdown(command: String) -> String {
        func cell(_ s: String) -> String { s.replacingAll("|", with: "\\|") }
        let flagged = entries.filter { $0.status == .aVerifier }.count
        var out = [
            "# Table des sources",
            "",
            "Produite par `\(command)` à partir de : \(protocols.map { "`\($0)`" }.joined(separator: ", ")). Ne pas la modifier à la main :",
            "un test vérifie qu'elle correspond aux fichiers de protocole. À relire avant une campagne : chaque référence,",
            "les critères, points de contrôle, documents et étapes de parcours qui la citent, et son statut — `a-verifier`",
            "dès qu'un élément qui la cite n'est pas confirmé (les éléments en cause sont nommés), `confirme` sinon.",
            "La colonne « Article » dit si la référence désigne un article précis ; un point de contrôle fondé sur un",
            "texte opposable (`basis: enforceable`) doit en citer au moins un.",
            "",
            "\(entries.count) références distinctes, dont \(flagged) à vérifier.",
        ]
        for family in Self.families {
            let rows = entries.filter { $0.family == family }
            guard !rows.isEmpty else { continue }
            out += ["", "## \(Self.headings[family] ?? family)", "", "| Référence | Statut | Article | Cité par | Objet |", "| --- | --- | --- | --- | --- |"]
            for e in rows {
                let flaggedBy = e.citations.filter { $0.status == .aVerifier }.map(\.id)
                let status = e.status == .aVerifier ? "a-verifier (\(Self.unique(flaggedBy).joined(separator: ", ")))" : "confirme"
                var byProtocol: [(String, [String])] = []
                for c in e.citations {
                    let label = c.element == "criterion" ? c.id : c.element == "document" ? "document \(c.id)" : "étape \(c.id)"
                    if let i = byProtocol.firstIndex(where: { $0.0 == c.protocol }) {
                        if !byProtocol[i].1.contains(label) { byProtocol[i].1.append(label) }
                    } else {
                        byProtocol.append((c.protocol, [label]))
                    }
                }
                let citedBy = byProtocol.map { "\($0.0) : \($0.1.joined(separator: ", "))" }.joined(separator: " ; ")
                let about = Self.unique(e.citations.map(\.title)).joined(separator: " · ")
                out.append("| \(cell(e.reference)) | \(status) | \(e.namesArticle ? "oui" : "non") | \(cell(citedBy)) | \(cell(about)) |")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}

/// Text order where runs of digits compare as numbers: `L311-4` before `L311-10`, `D311-0-4` before `D311-3`.
enum NaturalOrder {
    static func less(_ a: String, _ b: String) -> Bool {
        let x = chunks(a), y = chunks(b)
        for (p, q) in zip(x, y) where p != q {
            switch (Int(p), Int(q)) {
            case let (m?, n?): return m < n
            default: return p.lowercased() < q.lowercased()
            }
        }
        return x.count < y.count
    }

    static func chunks(_ s: String) -> [String] {
        var out: [String] = []
        var current = ""
        var digits = false
        for ch in s {
            let isDigit = ch.isASCII && ch.isNumber
            if !current.isEmpty && isDigit != digits {
                out.append(current)
                current = ""
            }
            digits = isDigit
            current.append(ch)
        }
        if !current.isEmpty { out.append(current) }
        return out
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for ch in self { if ch == target { out += replacement } else { out.append(ch) } }
        return out
    }
}
