/// Splits prose into sentences without mistaking abbreviations (`U.S.`, `Dr.`, `e.g.`) for their ends.
public enum Sentences {
    /// Abbreviations (lower-cased, without the final dot) that do not end a sentence.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "adm", "st", "jr", "sr",
        "no", "vs", "etc", "inc", "ltd", "co", "corp", "al", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "fig", "approx",
    ]

    /// Characters that may close a sentence after its full stop.
    public static let closers: Set<Character> = ["\"", "'", "”", "’", ")", "]", "»"]

    /// The sentences of `text`, trimmed, in order; a sentence ends at `.`, `!` or `?` (with closing
    /// quotes or brackets) followed by a space and a capital letter, digit or opening quote.
    public static func split(_ text: String) -> [String] {
        var sentences: [String] = []
        var remainder = Substring(text)
        while let (first, rest) = splitFirst(remainder) {
            sentences.append(first)
            remainder = rest
        }
        let last = remainder.trimmingCharacters(in: " \n\t")
        if !last.isEmpty { sentences.append(last) }
        return sentences
    }

    /// The first sentence and the rest (both trimmed), or nil when the text is one sentence.
    ///
    /// Works on bytes and Unicode scalars rather than characters: the ends it looks for are ASCII, and
    /// walking grapheme clusters through every paragraph was a tenth of a large build.
    public static func splitFirst(_ text: Substring) -> (first: String, rest: Substring)? {
        let bytes = text.utf8
        let scalars = text.unicodeScalars
        var searchFrom = bytes.startIndex
        while let stop = bytes[searchFrom...].firstIndex(where: isTerminator) {
            let afterStop = bytes.index(after: stop)
            searchFrom = afterStop
            var end = afterStop
            while end < scalars.endIndex, closerScalars.contains(scalars[end]) { end = scalars.index(after: end) }
            guard end < scalars.endIndex, scalars[end] == " " else { continue }
            var nextStart = scalars.index(after: end)
            while nextStart < scalars.endIndex, scalars[nextStart] == " " { nextStart = scalars.index(after: nextStart) }
            guard nextStart < scalars.endIndex, startsSentence(scalars[nextStart]) else { continue }
            if bytes[stop] == UInt8(ascii: "."), isAbbreviation(before: stop, in: text) { continue }
            return (String(text[..<end]).trimmingCharacters(in: " \n\t"), text[nextStart...])
        }
        return nil
    }

    /// The sentence of `text` that contains the Unicode scalar at `offset`.
    public static func sentence(in text: String, containing offset: Int) -> String {
        sentence(in: spans(text), containing: offset)
    }

    /// The sentence among `spans` that contains the Unicode scalar at `offset`.
    public static func sentence(in spans: [(end: Int, text: String)], containing offset: Int) -> String {
        // Binary search: a paragraph of 100,000 sentences and links would be quadratic with a scan.
        var low = 0
        var high = spans.count
        while low < high {
            let mid = (low + high) / 2
            if offset < spans[mid].end { high = mid } else { low = mid + 1 }
        }
        return (low < spans.count ? spans[low] : spans.last)?.text ?? ""
    }

    private static let closerScalars = Set(closers.flatMap(\.unicodeScalars))
    /// Characters that may open a sentence (or a word) before its first letter.
    private static let openingCharacters = "\"“‘'(["
    private static let openers = Set(openingCharacters.unicodeScalars)

    static func isTerminator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
    }

    static func startsSentence(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return (properties.isAlphabetic && properties.isUppercase) || properties.numericType != nil || openers.contains(scalar)
    }

    /// Whether the word ending at the dot at `dot` is an abbreviation or an initial.
    static func isAbbreviation(before dot: Substring.Index, in text: Substring) -> Bool {
        // Look back at most 64 bytes: a longer "word" is no abbreviation, and `a.a.a.…` without a space
        // would otherwise rescan the text from its start at every dot.
        let window = text.utf8.index(dot, offsetBy: -64, limitedBy: text.startIndex) ?? text.startIndex
        if let space = text.utf8[window..<dot].lastIndex(of: UInt8(ascii: " ")) {
            return isAbbreviation(text[text.utf8.index(after: space)..<dot])
        }
        // No space that close: the word is the text's first, or too long to be an abbreviation.
        return window == text.startIndex ? isAbbreviation(text[..<dot]) : false
    }

    /// Whether `word` (what precedes a full stop, without it) is an abbreviation or an initial.
    public static func isAbbreviation(_ word: Substring) -> Bool {
        var word = word
        while let first = word.first, openingCharacters.contains(first) { word = word.dropFirst() }
        if word.contains(Character(".")) { return true }  // U.S, e.g
        if word.count == 1, word.first?.isUppercase == true { return true }  // an initial: J.
        return abbreviations.contains(word.lowercased())
    }
}

extension StringProtocol {
    /// The text without the given leading and trailing characters (no Foundation needed).
    public func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
