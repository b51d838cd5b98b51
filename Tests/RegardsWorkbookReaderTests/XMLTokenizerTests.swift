import Testing
@testable import RegardsWorkbookReader

/// The XML subset Office writes, read without libxml2: what each part's parser is told, and the
/// line of the first fault of a malformed part.
@Suite struct XMLTokenizerTests {
    final class Recorder: XMLTokenizer.Handler {
        var events: [String] = []
        var stopped = false
        func start(_ name: String, attributes: [String: String]) {
            events.append("<\(name)" + attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined() + ">")
        }
        func end(_ name: String) { events.append("</\(name)>") }
        func text(_ text: String) { events.append(text) }
    }

    func read(_ xml: String) -> Result<[String], XMLTokenizer.Malformed> {
        let recorder = Recorder()
        let bytes = Array(xml.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(XMLTokenizer.Malformed) in
                try XMLTokenizer.parse(buffer, into: recorder)
                return recorder.events
            }
        }
    }

    @Test func elementsAttributesTextAndEntities() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <!-- a comment --><x:sst xmlns:x="urn:x" count='2'><x:si><x:t xml:space="preserve">a &lt; b &amp; c &#233;t&#xE9; &quot;q&quot; &apos;</x:t></x:si><c r="A1"/><t><![CDATA[<brut> & tel]]></t></x:sst>
            """
        #expect(try read(xml).get() == ["<sst count=2 xmlns:x=urn:x>", "<si>", "<t xml:space=preserve>", "a < b & c été \"q\" '", "</t>", "</si>",
                                        "<c r=A1>", "</c>", "<t>", "<brut> & tel", "</t>", "</sst>"])
    }

    @Test(arguments: [
        ("<a><b></a>", 1),                     // tags not balanced
        ("<a>\n<b>\n</b>", 3),                 // the root never closed
        ("<a x=1/>", 1),                       // an attribute not quoted
        ("<a>&nbsp;</a>", 1),                  // an entity XML does not define
        ("<a/><b/>", 1),                       // two roots
        ("texte", 1),                          // no element at all
        ("<a x=\"1\" x=\"2\"/>", 1),           // an attribute twice
        ("<a>\n\n<b x=\"<\"/></a>", 3),        // `<` in an attribute value
        ("<a><!ENTITY x \"y\"></a>", 1),      // a declaration outside a DTD
    ])
    func malformedPartsAreRefusedWithTheirLine(xml: String, line: Int) {
        switch read(xml) {
        case .success(let events): Issue.record("read as \(events)")
        case .failure(let malformed): #expect(malformed.line == line, "\(xml)")
        }
    }

    @Test func aDocumentTypeIsRefusedByName() {
        guard case .failure(let malformed) = read("<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>") else { Issue.record("read"); return }
        #expect(malformed.documentType && malformed.line == 2)
    }
}
