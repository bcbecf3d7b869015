/// Makes author-written raw HTML (`allow_raw_html: true`) safe by construction: the fragment is
/// tokenised the way a browser tokenises it, and only an allow-list of elements and attributes is
/// written back out, re-serialised by us. Nothing of the input reaches the output unparsed, so no
/// quoting trick can smuggle a tag through: every tag written is one we built, every attribute value
/// is decoded, checked and escaped again, and every `<` in text becomes `&lt;`.
///
/// Dropped: `script`, `style`, `iframe` and the other raw-text elements with their content; any other
/// element not on the list (its content stays, as text and allowed tags); comments, doctypes and
/// processing instructions; every attribute not on the list (so every `on…`, `style`, `srcdoc`);
/// URLs whose scheme, read after entity decoding and with tabs, newlines and controls removed, is not
/// http, https, mailto or tel. A fragment that ends inside a tag loses that tag, as in a browser.
enum HTMLSanitizer {
    /// Returns `html` with everything outside the allow-list removed.
    static func sanitize(_ html: String) -> String {
        var scanner = HTMLTagScanner(Array(html.utf8))
        var output: [UInt8] = []
        output.reserveCapacity(scanner.bytes.count)
        while let token = scanner.next() {
            switch token {
            case .text(let range):
                appendText(scanner.bytes[range], to: &output)
            case .startTag(let name, let attributes, let selfClosing):
                if rawTextElements.contains(name) {
                    scanner.skipRawText(closing: name)
                    continue
                }
                guard let allowed = allowedElements[name] else { continue }
                output += Array("<\(name)".utf8)
                var written: Set<String> = []
                for attribute in attributes where !written.contains(attribute.name) {
                    // A browser keeps the first of two attributes with one name; so do we.
                    written.insert(attribute.name)
                    guard allowed.contains(attribute.name) || globalAttributes.contains(attribute.name) else { continue }
                    guard let value = attribute.value else {
                        output += Array(" \(attribute.name)".utf8)
                        continue
                    }
                    var decoded = HTMLEntities.decode(value)
                    if urlAttributes.contains(attribute.name) {
                        guard let safe = safeURL(decoded) else { continue }
                        decoded = safe
                    }
                    output += Array(" \(attribute.name)=\"".utf8)
                    appendAttributeValue(decoded, to: &output)
                    output.append(UInt8(ascii: "\""))
                }
                if selfClosing, voidElements.contains(name) { output.append(UInt8(ascii: " ")); output.append(UInt8(ascii: "/")) }
                output.append(UInt8(ascii: ">"))
            case .endTag(let name):
                guard allowedElements[name] != nil, !voidElements.contains(name) else { continue }
                output += Array("</\(name)>".utf8)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The URL as a browser would follow it when its scheme is allowed (or it has none); nil otherwise.
    static func safeURL(_ decoded: String) -> String? {
        // Browsers drop tabs and newlines anywhere in a URL, and controls and spaces at its ends.
        var scalars = Array(decoded.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" })
        while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
        while let last = scalars.last, last.value <= 0x20 { scalars.removeLast() }
        var url = ""
        url.unicodeScalars.append(contentsOf: scalars)
        // A colon before any `/`, `?` or `#` makes what precedes it a scheme (or an unusable URL).
        guard let colon = scalars.firstIndex(where: { ":/?#".unicodeScalars.contains($0) }), scalars[colon] == ":" else { return url }
        var scheme = ""
        scheme.unicodeScalars.append(contentsOf: scalars[..<colon])
        return allowedSchemes.contains(scheme.lowercased()) ? url : nil
    }

    static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// Elements whose content is script, style or markup of their own: dropped whole, content included.
    static let rawTextElements: Set<String> = [
        "script", "style", "iframe", "textarea", "title", "xmp", "noembed", "noframes", "noscript", "plaintext", "template",
        "object", "applet", "svg", "math", "select",
    ]

    static let voidElements: Set<String> = ["br", "col", "hr", "img", "wbr"]

    /// Attributes allowed on every allowed element.
    static let globalAttributes: Set<String> = ["id", "class", "title", "lang", "dir"]

    /// Attributes whose value is a URL, checked by `safeURL`.
    static let urlAttributes: Set<String> = ["href", "src", "cite"]

    /// Allowed elements and their own attributes (besides the global ones).
    static let allowedElements: [String: Set<String>] = {
        var elements: [String: Set<String>] = [:]
        let plain = [
            "abbr", "b", "bdi", "bdo", "br", "caption", "code", "dd", "dfn", "div", "dl", "dt", "em", "figcaption", "figure",
            "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "kbd", "mark", "p", "pre", "rp", "rt", "ruby", "s", "samp", "small",
            "span", "strike", "strong", "sub", "summary", "sup", "tbody", "tfoot", "thead", "tr", "tt", "u", "ul", "var", "wbr",
            "table", "center",
        ]
        for name in plain { elements[name] = [] }
        elements["a"] = ["href", "hreflang", "name"]
        elements["img"] = ["src", "alt", "width", "height"]
        elements["blockquote"] = ["cite"]
        elements["q"] = ["cite"]
        elements["del"] = ["cite", "datetime"]
        elements["ins"] = ["cite", "datetime"]
        elements["time"] = ["datetime"]
        elements["details"] = ["open"]
        elements["ol"] = ["start", "reversed", "type"]
        elements["li"] = ["value"]
        elements["td"] = ["colspan", "rowspan", "align", "headers"]
        elements["th"] = ["colspan", "rowspan", "align", "scope", "headers"]
        elements["col"] = ["span"]
        elements["colgroup"] = ["span"]
        return elements
    }()

    /// Text between tags: `<` and `>` escaped; `&` kept only where it starts a character reference.
    private static func appendText(_ bytes: ArraySlice<UInt8>, to output: inout [UInt8]) {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "<"): output += Array("&lt;".utf8)
            case UInt8(ascii: ">"): output += Array("&gt;".utf8)
            case UInt8(ascii: "&") where !HTMLEntities.startsReference(bytes[index...]): output += Array("&amp;".utf8)
            default: output.append(byte)
            }
            index += 1
        }
    }

    private static func appendAttributeValue(_ value: String, to output: inout [UInt8]) {
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "&"): output += Array("&amp;".utf8)
            case UInt8(ascii: "\""): output += Array("&quot;".utf8)
            case UInt8(ascii: "<"): output += Array("&lt;".utf8)
            case UInt8(ascii: ">"): output += Array("&gt;".utf8)
            default: output.append(byte)
            }
        }
    }
}
