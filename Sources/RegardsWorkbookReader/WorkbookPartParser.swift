import RegardsCore
import Foundation

/// `xl/workbook.xml`: the sheets in tab order (name, state, relationship id) and the date system.
final class WorkbookPartParser: XMLPartParser {
    struct SheetEntry {
        var name: String
        var state: WorksheetData.State
        var relationshipID: String
    }

    var sheets: [SheetEntry] = []
    var date1904 = false
    private var sawRoot = false

    override func start(_ elementName: String, attributes: [String: String]) {
        if !sawRoot {
            sawRoot = true
            // A .docx or .pptx has the same packaging: its main part is a document or a presentation.
            if elementName != "workbook" { fail(.notAWorkbook(part: part)) }
            return
        }
        switch elementName {
        case "workbookPr":
            date1904 = Self.isTrue(Self.attribute("date1904", in: attributes))
        case "sheet":
            guard let name = Self.attribute("name", in: attributes), let id = Self.attribute("id", in: attributes) else { return }
            let state: WorksheetData.State = switch Self.attribute("state", in: attributes) {
            case "hidden": .hidden
            case "veryHidden": .veryHidden
            default: .visible
            }
            sheets.append(SheetEntry(name: name, state: state, relationshipID: id))
        default:
            break
        }
    }
}

/// `docProps/custom.xml`: each `<property name="…">` and the text of its one `vt:*` value.
final class CustomPropertiesParser: XMLPartParser {
    var properties: [String: String] = [:]
    private var name: String?
    private var depth = 0
    private var text = ""

    override func start(_ elementName: String, attributes: [String: String]) {
        if elementName == "property" {
            name = Self.attribute("name", in: attributes)
            depth = 0
            text = ""
        } else if name != nil {
            depth += 1
        }
    }

    override func text(_ string: String) {
        if name != nil, depth > 0 { text += string }
    }


    override func end(_ elementName: String) {
        guard let current = name else { return }
        if elementName == "property" {
            properties[current] = text
            name = nil
        } else {
            depth -= 1
        }
    }
}

/// `xl/sharedStrings.xml`: every `<si>`, its runs' `<t>` concatenated; phonetic runs (`<rPh>`) skipped.
final class SharedStringsParser: XMLPartParser {
    var strings: [String] = []
    private var text = ""
    private var inText = false
    private var phonetic = 0

    override func start(_ elementName: String, attributes: [String: String]) {
        switch elementName {
        case "sst":
            // A hint only: a wrong count must not allocate much.
            if let count = Self.attribute("uniqueCount", in: attributes).flatMap(Int.init) { strings.reserveCapacity(min(max(count, 0), 1_000_000)) }
        case "si": text = ""
        case "t": inText = phonetic == 0
        case "rPh": phonetic += 1
        default: break
        }
    }

    override func text(_ string: String) {
        if inText { text += string }
    }


    override func end(_ elementName: String) {
        switch elementName {
        case "si": strings.append(Self.unescapeOfficeText(text))
        case "t": inText = false
        case "rPh": phonetic -= 1
        default: break
        }
    }
}
