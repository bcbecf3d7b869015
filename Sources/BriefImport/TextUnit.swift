/// A heading, masthead line or paragraph in the making: the content lines it came from.
struct TextUnit: Equatable {
    /// Source lines in order (at least one).
    var lines: [ContentLine]
    /// Whether the sidecar names this line as a heading.
    var isForcedHeading: Bool = false

    /// Whether the unit is a table (one line made by `TableReader`).
    var isTable: Bool { lines.first?.isTable ?? false }
    /// Text of the first line.
    var firstText: String { lines.first?.text ?? "" }
    /// Text of the last line.
    var lastText: String { lines.last?.text ?? "" }
    /// The list marker opening the unit, if any.
    var listMarker: ListMarker? { LineShape.listItem(firstText)?.kind }

    /// The joined text, without a list marker.
    var joinedText: String { joinedText(words: .empty) }

    /// The joined text, without a list marker, line-end hyphens decided by the document's words.
    func joinedText(words: WordList) -> String {
        var texts = lines.map(\.text)
        if let item = LineShape.listItem(firstText), !texts.isEmpty { texts[0] = item.rest }
        return TextJoiner.join(texts, words: words)
    }
}

/// Groups content lines into units, per the document's layout, then rejoins page-split paragraphs.
struct UnitBuilder {
    /// The document's layout.
    var layout: Layout
    /// Sidecar `headings`: always a unit of their own, and headings.
    var forcedHeadings: Set<String>
    /// Sidecar `not_headings`.
    var notHeadings: Set<String>

    /// The units of a stream, in order.
    func units(of stream: ContentStream) -> [TextUnit] {
        var units: [TextUnit] = []
        var current: TextUnit?
        for item in stream.items {
            guard case .line(let line) = item else {
                if let unit = current { units.append(unit) }
                current = nil
                continue
            }
            if line.isTable {
                if let unit = current { units.append(unit) }
                units.append(TextUnit(lines: [line]))
                current = nil
            } else if forcedHeadings.contains(line.text) {
                if let unit = current { units.append(unit) }
                units.append(TextUnit(lines: [line], isForcedHeading: true))
                current = nil
            } else if var unit = current, !startsNewUnit(line, after: unit) {
                unit.lines.append(line)
                current = unit
            } else {
                if let unit = current { units.append(unit) }
                current = TextUnit(lines: [line])
            }
        }
        if let unit = current { units.append(unit) }
        return rejoinSplitParagraphs(units)
    }

    /// Whether a unit that looks like a heading is one (it is a single line of heading shape).
    func isHeading(_ unit: TextUnit) -> Bool {
        if unit.isForcedHeading { return true }
        if unit.isTable { return false }
        return unit.lines.count == 1 && LineShape.isHeadingShaped(unit.firstText) && !notHeadings.contains(unit.firstText)
    }

    /// A short sentence-case line standing over a list (`Key points` over its bullets) heads it.
    static func isLabelOverList(_ unit: TextUnit, next: TextUnit) -> Bool {
        guard unit.lines.count == 1, unit.listMarker == nil, !unit.isTable, next.listMarker != nil else { return false }
        let text = unit.firstText
        guard let first = text.first, first.isUppercase, LineShape.words(text).count <= 5, text.count <= 40 else { return false }
        return !LineShape.endsWithTerminator(text) && text.last != ","
    }

    /// In hard-wrapped text, whether `next` opens a new unit instead of continuing `unit`.
    private func startsNewUnit(_ next: ContentLine, after unit: TextUnit) -> Bool {
        guard layout.isHardWrapped else { return true }
        let previous = unit.lastText
        // A heading on its own line (`1. Introduction`) ends where its line ends, list marker or not.
        if unit.lines.count == 1, isHeading(unit), !LineShape.startsLowercase(next.text) { return true }
        if LineShape.listItem(next.text) != nil,
           unit.listMarker != nil || LineShape.endsWithTerminator(previous) {
            return true
        }
        // A list item keeps a wrapped line that is indented, continues in lower case, or follows
        // an unfinished line; anything else after a finished item starts afresh.
        if unit.listMarker != nil {
            return !(next.isIndented || LineShape.startsLowercase(next.text) || !LineShape.endsWithTerminator(previous))
        }
        let next = next.text
        if unit.lines.count == 1, isHeading(unit), !LineShape.startsLowercase(next) { return true }
        if LineShape.endsWithTerminator(previous), LineShape.isHeadingShaped(next), next.count * 10 < layout.width * 6 {
            return true
        }
        return layout.endsParagraph(previous, before: next)
    }

    /// Joins a unit that ends without closing punctuation to a following one that starts in
    /// lower case: a paragraph cut by a page break (or a blank line) is one paragraph.
    private func rejoinSplitParagraphs(_ units: [TextUnit]) -> [TextUnit] {
        var result: [TextUnit] = []
        for unit in units {
            if var previous = result.last, !previous.isForcedHeading, !unit.isForcedHeading, !previous.isTable, !unit.isTable,
               unit.listMarker == nil, LineShape.startsLowercase(unit.firstText),
               !LineShape.endsWithTerminator(previous.lastText) {
                previous.lines += unit.lines
                result[result.count - 1] = previous
            } else {
                result.append(unit)
            }
        }
        return result
    }
}
