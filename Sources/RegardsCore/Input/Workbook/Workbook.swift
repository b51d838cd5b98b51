/// An .xlsx workbook read into plain values: its worksheets in workbook order, its custom
/// document properties and its date system. Nothing in it is computed: formulas stay formulas.
public struct Workbook: Equatable, Sendable {
    /// The worksheets, in the order of the workbook's tabs (chart sheets are left out).
    public var sheets: [WorksheetData]
    /// Custom document properties (`docProps/custom.xml`): name → the text of its value.
    public var customProperties: [String: String]
    /// Serial dates count from 1904-01-01 (old Mac workbooks) instead of 1899-12-30.
    public var date1904: Bool

    public init(sheets: [WorksheetData], customProperties: [String: String] = [:], date1904: Bool = false) {
        self.sheets = sheets
        self.customProperties = customProperties
        self.date1904 = date1904
    }

    /// The first worksheet with this name (names are unique in a valid workbook).
    public func sheet(named name: String) -> WorksheetData? {
        sheets.first { $0.name == name }
    }
}
