/// One line of the raw text, whitespace-normalised, with its 1-based line number.
struct SourceLine: Equatable {
    /// 1-based line number in the file (a `\r\n` pair is one break, as in `LineIndex`).
    var number: Int
    /// The text with runs of spaces and tabs collapsed to one space and both ends trimmed.
    var text: String
    /// Whether the line held a form feed, which PDF extractors write at a page break.
    var hasFormFeed: Bool
    /// Whether the raw line started with a space or tab (list items indent their wrapped lines).
    var isIndented: Bool = false
    /// The line as written (form feeds removed), for readers that need its spacing (columns, tables).
    var raw: String = ""
    /// Whether the line holds a whole table (`cell | cell / cell | cell`), made by `TableReader`.
    var isTable: Bool = false

    /// Whether nothing but whitespace was on the line.
    var isBlank: Bool { text.isEmpty }

    /// Splits a text into normalised lines.
    static func split(_ text: String) -> [SourceLine] {
        let rawLines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        // Indented means further in than the text's own margin (`pdftotext -layout` indents every line a little).
        let margin = rawLines.filter { $0.contains { !$0.isWhitespace } }.map(indent).min() ?? 0
        return rawLines.enumerated().map { index, raw in
            // Form feeds and carriage returns are characters of their own, so bytes find them; most
            // lines have neither and are kept as they are.
            let hasFormFeed = raw.utf8.contains(0x0C)
            let kept = hasFormFeed || raw.utf8.contains(0x0D) ? String(raw.filter { $0 != "\u{0C}" && $0 != "\r" }) : String(raw)
            return SourceLine(number: index + 1, text: normalize(raw), hasFormFeed: hasFormFeed, isIndented: indent(raw) > margin, raw: kept)
        }
    }

    /// Spaces and tabs before the first character (form feeds aside).
    static func indent<S: StringProtocol>(_ raw: S) -> Int {
        var count = 0
        for byte in raw.utf8 {
            switch byte {
            case 0x0C: continue
            case 0x20, 0x09: count += 1
            // A mark joined to the last space makes it another character: counted as characters.
            case 0x80...: return raw.filter { $0 != "\u{0C}" }.prefix { $0 == " " || $0 == "\t" }.count
            default: return count
            }
        }
        return count
    }

    /// Collapses spaces, tabs and stray control whitespace to single spaces and trims the ends.
    static func normalize<S: StringProtocol>(_ raw: S) -> String {
        var result = ""
        var pendingSpace = false
        for character in raw {
            switch character {
            case " ", "\t", "\r", "\u{0B}", "\u{0C}":
                pendingSpace = !result.isEmpty
            default:
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }
}
