import RegardsCore

/// A libxlsxwriter failure, naming the C function and its message.
public enum XLSXError: Error, Equatable, Sendable, CustomStringConvertible, RegardsErrorConvertible {
    case call(function: String, code: Int32, message: String)
    case allocation(function: String)
    case cellTooLong(sheet: String, row: Int, column: String)
    case cannotRename(path: String, reason: String)
    /// libxlsxwriter could not be opened (it is loaded when the first workbook is written).
    case libraryMissing(LibraryFailure)

    public var description: String {
        switch self {
        case let .call(function, code, message): Messages.xlsxCallFailed(function, code: code, message)
        case let .allocation(function): Messages.xlsxNothingReturned(function)
        case let .cellTooLong(sheet, row, column): Messages.cellTooLong(sheet: sheet, row: row, column: column)
        case let .cannotRename(path, reason): Messages.cannotWriteWorkbook(path, reason)
        case let .libraryMissing(failure): failure.description
        }
    }

    /// Every failure to write a workbook is an I/O error.
    public var regardsError: RegardsError { .ioError(description) }
}
