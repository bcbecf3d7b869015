/// The reference as files reference managers import: BibTeX, RIS and CSL-JSON.
extension Reference {
    var bibTeX: String {
        var fields: [(String, String)] = []
        // A corporate author in braces, so it is not split into given and family names.
        let names = authors.map { Self.bibEscaped($0.given.isEmpty ? $0.family : "\($0.family), \($0.given)") }
            + (corporateAuthor.map { ["{" + Self.bibEscaped($0) + "}"] } ?? [])
        if !names.isEmpty { fields.append(("author", names.joined(separator: " and "))) }
        // Double braces keep the title's capitals as written.
        fields.append(("title", "{" + Self.bibEscaped(shownTitle) + "}"))
        switch kind {
        case .report: if let publisher { fields.append(("institution", Self.bibEscaped(publisher))) }
        case .webpage: if let container { fields.append(("organization", Self.bibEscaped(container))) }
        }
        if let date {
            fields.append(("year", String(date.year)))
            if let month = date.month { fields.append(("month", String(month))) }
            if let day = date.day { fields.append(("day", String(day))) }
        }
        if let url { fields.append(("url", url)) }
        if let pdfURL { fields.append(("file", pdfURL)) }
        let type = kind == .report ? "techreport" : "misc"
        return "@\(type){\(key),\n" + fields.map { "  \($0.0) = {\($0.1)}" }.joined(separator: ",\n") + "\n}\n"
    }

    var ris: String {
        var lines = ["TY  - " + (kind == .report ? "RPRT" : "ELEC")]
        lines += authors.map { "AU  - " + ($0.given.isEmpty ? $0.family : "\($0.family), \($0.given)") }
        if let corporateAuthor { lines.append("A2  - " + corporateAuthor) }
        lines.append("TI  - " + shownTitle)
        if let publisher { lines.append("PB  - " + publisher) }
        if let container { lines.append("T2  - " + container) }
        if let date {
            lines.append("PY  - \(date.year)")
            let month = date.month.map { Self.twoDigits($0) } ?? ""
            let day = date.day.map { Self.twoDigits($0) } ?? ""
            lines.append("DA  - \(date.year)/\(month)/\(day)/")
        }
        if let url { lines.append("UR  - " + url) }
        if let pdfURL { lines.append("L1  - " + pdfURL) }
        lines.append("ER  - ")
        return lines.map { $0 + "\r\n" }.joined()
    }

    /// One CSL item in an array, as citeproc tools and Zotero read it.
    var cslJSON: String {
        var fields: [(String, String)] = [("id", Self.json(key)), ("type", Self.json(kind == .report ? "report" : "webpage"))]
        fields.append(("title", Self.json(shownTitle)))
        var names = authors.map { "{\"family\": \(Self.json($0.family)), \"given\": \(Self.json($0.given))}" }
        if let corporateAuthor { names.append("{\"literal\": \(Self.json(corporateAuthor))}") }
        if !names.isEmpty { fields.append(("author", "[" + names.joined(separator: ", ") + "]")) }
        if let publisher { fields.append(("publisher", Self.json(publisher))) }
        if let container { fields.append(("container-title", Self.json(container))) }
        if let date {
            let parts = [date.year, date.month, date.day].compactMap { $0 }.map(String.init).joined(separator: ", ")
            fields.append(("issued", "{\"date-parts\": [[\(parts)]]}"))
        }
        if let url { fields.append(("URL", Self.json(url))) }
        return "[\n  {\n" + fields.map { "    \(Self.json($0.0)): \($0.1)" }.joined(separator: ",\n") + "\n  }\n]\n"
    }

    /// BibTeX's special characters escaped; everything else stays UTF-8.
    private static func bibEscaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\textbackslash{}"
            case "{", "}", "&", "%", "$", "#", "_": result += "\\" + String(character)
            case "~": result += "\\textasciitilde{}"
            case "^": result += "\\textasciicircum{}"
            default: result.append(character)
            }
        }
        return result
    }

    private static func json(_ text: String) -> String {
        var bytes: [UInt8] = []
        JSONText.appendString(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func twoDigits(_ number: Int) -> String { number < 10 ? "0\(number)" : String(number) }
}
