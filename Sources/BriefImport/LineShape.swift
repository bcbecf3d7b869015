import DossierCore
/// What a single normalised line looks like: punctuation, case, list markers, heading shape.
enum LineShape {
    /// An ASCII digit (what `[0-9]` matches), for checks that skip a regex on lines without one.
    static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    /// Characters that close a quotation or bracket after sentence punctuation.
    static let closers = Sentences.closers
    /// Punctuation that ends a sentence or a clause that may end a paragraph.
    static let terminators: Set<Character> = [".", "!", "?", ":", ";", "…"]
    /// Short words that stay lower-case in a title-case heading.
    static let smallWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with",
        "from", "as", "vs", "vs.", "via", "into", "over", "under", "per", "its", "their", "is", "are",
        // Longer prepositions and conjunctions, lower-case in Chicago-style title case.
        "within", "without", "after", "before", "between", "among", "amid", "through", "about", "against",
        "across", "around", "beyond", "during", "toward", "towards", "upon", "onto", "than", "versus", "if", "so", "yet",
    ]

    /// The words of a line (it is already whitespace-normalised).
    static func words(_ line: String) -> [Substring] {
        line.split(separator: " ")
    }

    /// Whether the line ends with sentence or clause punctuation, allowing closing quotes after it.
    static func endsWithTerminator(_ line: String) -> Bool {
        var trimmed = Substring(line)
        // A note marker (`2027.³`) follows the punctuation it belongs after.
        while let last = trimmed.last, closers.contains(last) || NoteText.superscriptValue(last) != nil { trimmed = trimmed.dropLast() }
        guard let last = trimmed.last else { return false }
        return terminators.contains(last)
    }

    /// Whether the line starts with a lower-case letter (a continuation of the previous paragraph).
    static func startsLowercase(_ line: String) -> Bool {
        guard let first = line.first else { return false }
        return first.isLetter && first.isLowercase
    }

    /// Length of the first word, used by the "would the next word have fitted" test.
    static func firstWordLength(_ line: String) -> Int {
        line.split(separator: " ", maxSplits: 1).first?.count ?? 0
    }

    /// The list marker at the start of a line, if any, and the text after it.
    static func listItem(_ line: String) -> (kind: ListMarker, rest: String)? {
        let bullets: Set<Character> = ["•", "◦", "▪", "■", "□", "◆", "◇", "●", "○", "‣", "∙", "➢", "►", "-", "–", "*"]
        if let first = line.first, bullets.contains(first) {
            let afterMarker = line.dropFirst()
            guard afterMarker.first == " " else { return nil }
            let rest = afterMarker.dropFirst()
            return rest.isEmpty ? nil : (.bullet, String(rest))
        }
        var digits = Substring(line)
        var opening = false
        if digits.first == "(" { opening = true; digits = digits.dropFirst() }
        let number = digits.prefix(while: { $0.isASCII && $0.isNumber })
        guard (1...3).contains(number.count), let value = Int(number) else { return nil }
        var after = digits.dropFirst(number.count)
        guard let close = after.first, close == ")" || (close == "." && !opening) else { return nil }
        after = after.dropFirst()
        guard after.first == " " else { return nil }
        let rest = after.dropFirst()
        return rest.isEmpty ? nil : (.number(value), String(rest))
    }

    /// Whether every cased letter is upper-case (and there are at least two): `POLICY RECOMMENDATIONS`.
    static func isAllCaps(_ line: String) -> Bool {
        var letters = 0
        for character in line where character.isLetter {
            guard character.isUppercase else { return false }
            letters += 1
        }
        return letters >= 2
    }

    /// Whether the line has the shape of a section heading: short, no closing punctuation, capitals.
    static func isHeadingShaped(_ line: String) -> Bool {
        guard let last = line.last, !",.;!\"”’)".contains(last) else { return false }
        // A question in title case or capitals is a heading (`Why Did They Grow?`); another question is a sentence.
        if last == "?" {
            // `2. What Has Changed?` is a numbered heading; `• Who pays?` and `(1) Who Pays?` are items.
            guard let item = listItem(line) else { return isTitleCase(line) || (isAllCaps(line) && words(line).count <= 12) }
            guard case .number = item.kind, line.first != "(" else { return false }
            return isTitleCase(item.rest) || (isAllCaps(item.rest) && words(item.rest).count <= 12)
        }
        if let item = listItem(line) {
            // `1. INTRODUCTION` is a numbered heading; `• Some item` never is.
            guard case .number = item.kind else { return false }
            // `1. INTRODUCTION`, and `2. What Is Counted` (numbered title case; a list item ends with punctuation).
            return (isAllCaps(item.rest) && words(item.rest).count <= 12) || (line.first != "(" && isTitleCase(item.rest))
        }
        if isAllCaps(line) { return words(line).count <= 12 }
        return isTitleCase(line)
    }

    /// A short title-case line: `Way Forward`, `The Case for Minilaterals`.
    static func isTitleCase(_ line: String) -> Bool {
        let lineWords = words(line)
        guard (1...10).contains(lineWords.count), line.count <= 90, line.last != ":" else { return false }
        guard let first = line.first, first.isLetter, first.isUppercase else { return false }
        for word in lineWords {
            guard let initial = word.first(where: { $0.isLetter || $0.isNumber }) else { continue }
            if initial.isNumber || initial.isUppercase { continue }
            if smallWords.contains(word.lowercased()) { continue }
            return false
        }
        return true
    }
}

/// The marker that opened a list item.
enum ListMarker: Equatable {
    case bullet
    case number(Int)
}
