/// Chicago (17th ed., notes and bibliography) and APA (7th ed.) forms of a reference.
extension Reference {
    /// The bibliography entry, or with `paragraph` the note form with "para. N" and the ¶'s address.
    func chicago(paragraph: Int? = nil) -> String {
        let quotedTitle = "“\(shownTitle)"
        let place = [publisher ?? container, chicagoDate].compactMap { $0 }.joined(separator: ", ")
        if let paragraph {
            // Note form: Given Family, “Title” (Publisher, Month Year), para. N, URL.
            let names = authors.map { "\($0.given) \($0.family)".trimmingCharacters(in: " ") } + (corporateAuthor.map { [$0] } ?? [])
            var parts = names.isEmpty ? [] : [Self.list(names)]
            parts.append(quotedTitle + "”" + (place.isEmpty ? "" : " (\(place))"))
            parts.append("para. \(paragraph)")
            if let address = url(paragraph: paragraph) { parts.append(address) }
            return parts.joined(separator: ", ") + "."
        }
        var sentences: [String] = []
        if let names = chicagoAuthors { sentences.append(names.hasSuffix(".") ? String(names.dropLast()) : names) }
        sentences.append(quotedTitle + ".”")
        var tail = place
        if let url { tail += tail.isEmpty ? url : ". " + url }
        var text = sentences.joined(separator: ". ")
        if !tail.isEmpty { text += " " + tail + "." }
        return text
    }

    /// The reference-list entry in three parts, so the title can be set in italics; with `paragraph`
    /// it points at the ¶'s address.
    func apa(paragraph: Int? = nil) -> (before: String, title: String, after: String) {
        let date = apaDate
        let names = apaAuthors
        var after = "."
        if let source = publisher ?? container { after += " " + source + "." }
        if let address = url(paragraph: paragraph) { after += " " + address }
        guard let names else {
            // No author: the title moves to the front.
            return ("", shownTitle, ". (\(date))" + after)
        }
        return ("\(names) (\(date)). ", shownTitle, after)
    }

    /// The in-text citation, e.g. "(Tatsumi, 2024, para. 5)".
    func apaInText(paragraph: Int? = nil) -> String {
        let name = authors.first.map { authors.count > 2 ? $0.family + " et al." : authors.map(\.family).joined(separator: " & ") }
            ?? corporateAuthor ?? shownTitle
        let year = date.map { String($0.year) } ?? "n.d."
        return "(" + [name, year, paragraph.map { "para. \($0)" }].compactMap { $0 }.joined(separator: ", ") + ")"
    }

    private var chicagoDate: String? {
        guard let date else { return nil }
        switch (date.monthName, date.day) {
        case (let month?, let day?): return "\(month) \(day), \(date.year)"
        case (let month?, nil): return "\(month) \(date.year)"
        default: return String(date.year)
        }
    }

    private var apaDate: String {
        guard let date else { return "n.d." }
        switch (date.monthName, date.day) {
        case (let month?, let day?): return "\(date.year), \(month) \(day)"
        case (let month?, nil): return "\(date.year), \(month)"
        default: return String(date.year)
        }
    }

    /// "Tatsumi, Yuki", "Tatsumi, Yuki, and Jane Doe"; the corporate author; nil without either.
    private var chicagoAuthors: String? {
        if authors.isEmpty { return corporateAuthor }
        let first = authors[0].given.isEmpty ? authors[0].family : "\(authors[0].family), \(authors[0].given)"
        let rest = authors.dropFirst().map { "\($0.given) \($0.family)".trimmingCharacters(in: " ") }
        // After an inverted first name even two authors take a comma: "Tatsumi, Yuki, and Jane Doe".
        return rest.count == 1 ? "\(first), and \(rest[0])" : Self.list([first] + rest)
    }

    /// "Tatsumi, Y.", "Tatsumi, Y., & Doe, J."; nil without authors.
    private var apaAuthors: String? {
        if authors.isEmpty { return corporateAuthor.map { $0 + "." } }
        let names = authors.map { person -> String in
            let initials = person.given.split(separator: " ").compactMap(\.first).map { "\($0)." }.joined(separator: " ")
            return initials.isEmpty ? person.family : "\(person.family), \(initials)"
        }
        return names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + ", & " + names[names.count - 1]
    }

    /// "A", "A and B", "A, B, and C".
    private static func list(_ names: [String]) -> String {
        switch names.count {
        case 0: return ""
        case 1: return names[0]
        case 2: return "\(names[0]) and \(names[1])"
        default: return names.dropLast().joined(separator: ", ") + ", and " + names[names.count - 1]
        }
    }
}
