/// Finds sentence ends in prose without mistaking abbreviations (`U.S.`, `Dr.`, `e.g.`) for them.
enum SentenceSplitter {
    /// Abbreviations (lower-cased, without the final dot) that do not end a sentence.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "adm", "st", "jr", "sr",
        "no", "vs", "etc", "inc", "ltd", "co", "corp", "al", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "fig", "approx",
    ]

    /// The first sentence and the rest (both trimmed), or nil when the text is one sentence.
    static func splitFirstSentence(_ text: String) -> (first: String, rest: String)? {
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            index = text.index(after: index)
            guard ".!?".contains(character) else { continue }
            var end = index
            while end < text.endIndex, LineShape.closers.contains(text[end]) { end = text.index(after: end) }
            guard end < text.endIndex, text[end] == " " else { continue }
            let nextStart = text.index(after: end)
            guard nextStart < text.endIndex, startsSentence(text[nextStart]) else { continue }
            if character == ".", isAbbreviation(before: text.index(before: index), in: text) { continue }
            return (String(text[..<end]), String(text[nextStart...]))
        }
        return nil
    }

    /// Whether a sentence may begin with this character.
    private static func startsSentence(_ character: Character) -> Bool {
        (character.isLetter && character.isUppercase) || character.isNumber || "\"“‘'(".contains(character)
    }

    /// Whether the word ending at the dot at `dot` is an abbreviation or an initial.
    private static func isAbbreviation(before dot: String.Index, in text: String) -> Bool {
        let wordStart = text[..<dot].lastIndex(of: " ").map { text.index(after: $0) } ?? text.startIndex
        let word = text[wordStart..<dot]
        if word.contains(".") { return true }  // U.S, e.g
        if word.count == 1, word.first?.isUppercase == true { return true }  // an initial: J.
        return abbreviations.contains(word.lowercased())
    }
}
