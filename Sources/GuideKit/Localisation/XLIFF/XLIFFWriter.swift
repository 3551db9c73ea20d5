/// Writes an `XLIFFDocument` as XLIFF 1.2 (strict schema), deterministic byte for byte:
///
/// - one `<trans-unit>` per key (`id` and `resname` the key, `xml:space="preserve"`), in
///   `<group>`s by section;
/// - `<source>` and `<target>` with the Markdown as inline tags, each with a `ctype`: pure syntax
///   as empty tags whose `equiv-text` shows it — a link's `[` and `](link:KEY)` as `<bx/>`/`<ex/>`
///   (the link text between them is translated), emphasis delimiters as `<x/>` — so
///   translate-toolkit (and Weblate, built on it) reads them as placeables and keeps the syntax
///   out of the text its checks compare; what the reader sees but must not change — marked numbers,
///   code spans, `{placeholders}` — as `<ph>` with the code inside (pofilter then checks that
///   `{list}` and the numbers are kept); a UI label's text as `<mrk mtype="protected">` between
///   `<bx/>`/`<ex/>`. On import guidegen takes each tag's code back from the current source text;
/// - the state: translated units `state="translated"` and `approved="yes"`; units whose source
///   changed `state="needs-review-translation"`; missing ones an empty target, `state="needs-translation"`;
/// - the place of the source text as a `<context-group purpose="location">` (what translation
///   tools show) and as a note `file:line:column`; the fingerprint the target was made from as a
///   note `from="guidegen-fingerprint"`, which `guidegen l10n import` reads back.
public enum XLIFFWriter {
    public static let namespace = "urn:oasis:names:tc:xliff:document:1.2"
    public static let fingerprintNote = "guidegen-fingerprint"
    public static let locationNote = "guidegen-location"

    public static func xml(_ document: XLIFFDocument) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<xliff version=\"1.2\" xmlns=\"\(namespace)\">\n"
        out += "  <file original=\"\(attribute(document.original))\" source-language=\"\(attribute(document.sourceLanguage))\" "
            + "target-language=\"\(attribute(document.targetLanguage))\" datatype=\"plaintext\">\n"
        out += "    <header>\n"
        out += "      <tool tool-id=\"guidegen\" tool-name=\"guidegen\"/>\n"
        out += "      <note>Inline codes stand for Markdown: keep every tag; text marked protected is a UI label, shown to the reader exactly as on screen.</note>\n"
        out += "    </header>\n"
        out += "    <body>\n"
        for group in document.groups {
            out += "      <group id=\"\(attribute("group:" + group.id))\" resname=\"\(attribute(group.id))\">\n"
            if let note = group.note { out += "        <note>\(text(note))</note>\n" }
            for unit in group.units { out += self.unit(unit, document: document) }
            out += "      </group>\n"
        }
        out += "    </body>\n"
        out += "  </file>\n"
        out += "</xliff>\n"
        return out
    }

    private static func unit(_ unit: XLIFFDocument.Unit, document: XLIFFDocument) -> String {
        let approved = unit.state == .translated ? " approved=\"yes\"" : ""
        var out = "        <trans-unit id=\"\(attribute(unit.id))\" resname=\"\(attribute(unit.id))\" xml:space=\"preserve\"\(approved)>\n"
        out += "          <source xml:lang=\"\(attribute(document.sourceLanguage))\">\(inline(unit.source))</source>\n"
        let state: String
        switch unit.state {
        case .translated: state = "translated"
        case .needsReview: state = "needs-review-translation"
        case .missing: state = "needs-translation"
        }
        out += "          <target xml:lang=\"\(attribute(document.targetLanguage))\" state=\"\(state)\">\(inline(unit.target))</target>\n"
        out += "          <context-group purpose=\"location\">\n"
        out += "            <context context-type=\"sourcefile\">\(text(unit.location.file))</context>\n"
        out += "            <context context-type=\"linenumber\">\(unit.location.line)</context>\n"
        out += "          </context-group>\n"
        out += "          <note from=\"\(locationNote)\" annotates=\"source\">\(text(unit.location.description))</note>\n"
        if let fingerprint = unit.fingerprint {
            out += "          <note from=\"\(fingerprintNote)\" annotates=\"target\">\(text(fingerprint))</note>\n"
        }
        if unit.state == .needsReview {
            out += "          <note annotates=\"target\" priority=\"1\">The source text changed after this translation was made: review the translation, then mark it translated.</note>\n"
        }
        out += "        </trans-unit>\n"
        return out
    }

    /// The segments as XLIFF inline content.
    static func inline(_ segments: InlineSegments) -> String {
        var out = ""
        for segment in segments.segments {
            switch segment {
            case .text(let value):
                out += text(value)
            case .open(let id, let code, let kind):
                out += "<bx id=\"\(id)\" ctype=\"\(kind.rawValue)\" equiv-text=\"\(attribute(code))\"/>"
            case .close(let id, let code):
                out += "<ex id=\"\(id)\" equiv-text=\"\(attribute(code))\"/>"
            case .single(let id, let code, let kind) where kind == .emphasis:
                out += "<x id=\"\(id)\" ctype=\"\(kind.rawValue)\" equiv-text=\"\(attribute(code))\"/>"
            case .single(let id, let code, let kind):
                // What the reader sees (a number, code, the items of {list}): in the text, locked.
                out += "<ph id=\"\(id)\" ctype=\"\(kind.rawValue)\">\(text(code))</ph>"
            case .protected(_, let value):
                out += "<mrk mtype=\"protected\">\(text(value))</mrk>"
            }
        }
        return out
    }

    /// Element content: `&`, `<`, `>` escaped, and CR kept as a character reference (XML readers
    /// turn a literal CR into LF).
    static func text(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func attribute(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether XML 1.0 can carry `value` (its `Char` production: no control characters but tab, LF and CR).
    public static func isRepresentable(_ value: String) -> Bool {
        value.unicodeScalars.allSatisfy { XMLTree.isCharacter($0.value) }
    }
}
