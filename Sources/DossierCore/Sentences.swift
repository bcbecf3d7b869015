/// Splits prose into sentences, for backlink context and fidelity checks.
public enum Sentences {
    /// Abbreviations whose full stop does not end a sentence.
    private static let abbreviations: Set<String> = [
        "U.S.", "U.K.", "U.N.", "e.g.", "i.e.", "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "vs.", "etc.", "No.", "Jr.", "Sr.",
    ]

    /// The sentences of `text`, trimmed, in order; a sentence ends at `.`, `!` or `?` (with closing
    /// quotes or brackets) followed by a space and a capital letter, digit or opening quote.
    public static func split(_ text: String) -> [String] {
        let characters = Array(text)
        var sentences: [String] = []
        var start = 0
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "." || character == "!" || character == "?" {
                var end = index + 1
                while end < characters.count, "\"'”’)]".contains(characters[end]) { end += 1 }
                if end < characters.count, characters[end] == " ", startsSentence(characters, at: end + 1),
                   !endsWithAbbreviation(characters, upTo: index + 1)
                {
                    appendTrimmed(characters[start..<end], to: &sentences)
                    start = end + 1
                    index = end
                    continue
                }
            }
            index += 1
        }
        appendTrimmed(characters[start..<characters.count], to: &sentences)
        return sentences
    }

    /// The sentence of `text` that contains the character at `offset` (counted in characters).
    public static func sentence(in text: String, containing offset: Int) -> String {
        var consumed = 0
        let sentences = split(text)
        var remainder = Substring(text)
        for sentence in sentences {
            guard let range = remainder.range(of: sentence) else { continue }
            let sentenceStart = consumed + remainder.distance(from: remainder.startIndex, to: range.lowerBound)
            let sentenceEnd = sentenceStart + sentence.count
            if offset < sentenceEnd || sentence == sentences.last { return sentence }
            consumed = sentenceEnd
            remainder = remainder[range.upperBound...]
        }
        return text
    }

    private static func startsSentence(_ characters: [Character], at index: Int) -> Bool {
        guard index < characters.count else { return false }
        let next = characters[index]
        return next.isUppercase || next.isNumber || "\"“‘'([".contains(next)
    }

    private static func endsWithAbbreviation(_ characters: [Character], upTo end: Int) -> Bool {
        var start = end
        while start > 0, characters[start - 1] != " " { start -= 1 }
        var word = String(characters[start..<end])
        while let first = word.first, "\"“‘'([".contains(first) { word.removeFirst() }
        if abbreviations.contains(word) { return true }
        // Single initials such as "J." in a name.
        return word.count == 2 && (word.first?.isUppercase ?? false)
    }

    private static func appendTrimmed(_ slice: ArraySlice<Character>, to sentences: inout [String]) {
        let sentence = String(slice).trimmingCharacters(in: " \n\t")
        if !sentence.isEmpty { sentences.append(sentence) }
    }
}

extension String {
    /// The string without the given leading and trailing characters (no Foundation needed).
    public func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
