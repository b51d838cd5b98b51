import CXLSXWriter
import RegardsCore

/// How the named styles and column types look: the one place colours and number formats are chosen.
enum Palette {
    static let header: lxw_color_t = 0xD9E1F2
    static let editable: lxw_color_t = 0xFFF9E6

    /// Fill and font of a coloured style (good, bad, warning); nil for the others.
    static func colours(_ style: CellStyle) -> (fill: lxw_color_t, font: lxw_color_t)? {
        switch style {
        case .good: (0xC6EFCE, 0x006100)
        case .bad: (0xFFC7CE, 0x9C0006)
        case .warning: (0xFFEB9C, 0x9C5700)
        case .neutral, .emphasis, .muted: nil
        }
    }

    static let mutedFont: lxw_color_t = 0x808080

    /// The number format of a column type; nil for text.
    static func numberFormat(_ type: ColumnType) -> String? {
        switch type {
        case .integer: "0"
        case .number: "General"
        case .percent: "0%"
        case .date: "yyyy-mm-dd"
        case .timestamp: "yyyy-mm-dd hh:mm"
        case .text, .longText: nil
        }
    }

    /// Applies a style's look to a format (cell formats and conditional formats alike).
    static func apply(_ style: CellStyle, to f: UnsafeMutablePointer<lxw_format>) {
        if let (fill, font) = colours(style) {
            format_set_bg_color(f, fill)
            format_set_font_color(f, font)
        }
        switch style {
        case .emphasis: format_set_bold(f)
        case .muted: format_set_font_color(f, mutedFont)
        case .good, .bad, .warning, .neutral: break
        }
    }

    /// Width in characters of a column: its own, else from its type and heading.
    static func width(_ c: Column) -> Double {
        if let w = c.width { return w }
        let base: Double = switch c.type {
        case .text: 14
        case .longText: 40
        case .integer: 10
        case .number: 12
        case .percent: 11
        case .date: 12
        case .timestamp: 17
        }
        return max(base, min(Double(c.header.count) + 3, 28))
    }
}

/// What a format is made for; the session keeps one format per key.
struct FormatKey: Hashable {
    var type: ColumnType?
    var style: CellStyle?
    var header = false
    var label = false
    var unlocked = false
    /// A conditional format's differential format: colours only.
    var conditional = false
}
