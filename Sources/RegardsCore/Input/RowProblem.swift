/// A problem of an imported file, at a place of it: a line of a CSV file, a cell of a workbook.
public protocol LocatedProblem: Sendable {
    /// After `FILE:` in a message: `12` (a line), `Grille de contrôle!F12` (a cell).
    var location: String { get }
    var message: String { get }
}

/// One problem of one row of a file being imported (line 1 is the header).
public struct RowProblem: LocatedProblem, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { Messages.rowProblem(line: line, message) }
    public var location: String { String(line) }
}

/// One problem of a workbook being imported, at a cell (`F12`) or a whole sheet (nil).
public struct CellProblem: LocatedProblem, Equatable, Sendable {
    public var sheet: String
    public var reference: String?
    public var message: String

    public init(sheet: String, reference: String?, message: String) {
        self.sheet = sheet
        self.reference = reference
        self.message = message
    }

    public var location: String { reference.map { "\(sheet)!\($0)" } ?? sheet }
}

/// Where the values of a record come from: the command line (options named `--x`; a refused value
/// is thrown as an `InputRefusal`, a usage error) or a row of a file (columns named `x`; the file is
/// refused whole with `RegardsError.refused`, bad data).
public enum InputSource: Sendable, Equatable {
    case commandLine
    case file

    /// How a field is named in a message: `--participant` or `participant`.
    public func label(_ field: String) -> String { self == .commandLine ? "--\(field)" : field }
}

extension RegardsError {
    /// At most this many bad rows are listed; past that, the count (a wrong file, not a few typos).
    public static let listedRows = 100

    /// A file refused whole: every bad row as `FILE:LINE: error: …` (up to a hundred), then the count.
    public static func refused(_ path: String, _ problems: [some LocatedProblem]) -> RegardsError {
        var details = problems.prefix(listedRows).map { Messages.badRow("\(path):\($0.location)", $0.message) }
        if problems.count > listedRows { details.append(Messages.moreBadRows(path, problems.count - listedRows)) }
        return .badData(Messages.fileRefused(path, badRows: problems.count), details: details)
    }
}
