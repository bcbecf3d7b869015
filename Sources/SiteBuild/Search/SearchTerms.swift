import Foundation

/// How search reads words: the same rules run here, when the index is built, and in
/// `templates/assets/search.js` on each query, so both must change together (the browser tests
/// search fixed queries and would fail if they drifted apart).
///
/// A word is lower-cased, stripped of accents and apostrophes, loses a plural ending, is spelled the
/// American way, and loses `-ing`, `-ed` and a final `e`; so "defence", "defences" and "defense" are
/// one term, as are "negotiate", "negotiated" and "negotiating".
enum SearchTerms {
    /// Words too common to search for; dropped from the index and from queries alike.
    static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of", "on", "or",
        "that", "the", "this", "to", "was", "were", "with",
    ]

    /// British spellings whose American form is not made by the suffix rules.
    static let spellings: [String: String] = [
        "defence": "defense", "offence": "offense", "licence": "license", "pretence": "pretense",
        "programme": "program", "centre": "center", "theatre": "theater", "metre": "meter", "fibre": "fiber",
        "litre": "liter", "grey": "gray", "practise": "practice", "enrolment": "enrollment", "fulfil": "fulfill",
    ]

    /// British endings, their American spelling and the shortest word they apply to, tried in order.
    static let suffixes: [(british: String, american: String, minimum: Int)] = [
        ("isation", "ization", 4), ("ising", "izing", 4), ("ised", "ized", 4), ("ise", "ize", 4), ("ysing", "yzing", 4),
        ("ysed", "yzed", 4), ("yse", "yze", 4), ("ogue", "og", 7), ("our", "or", 6),
    ]

    /// The terms of `text`, in order (stop words left out).
    static func terms(of text: String) -> [String] {
        words(of: text).compactMap { word in
            let term = normalise(word)
            return term.isEmpty || stopWords.contains(term) ? nil : term
        }
    }

    /// The words of `text`: runs of letters and digits; apostrophes inside a word are dropped.
    static func words(of text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.unicodeScalars.append(scalar)
            } else if (scalar == "'" || scalar == "’") && !current.isEmpty {
                continue
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// One word as the index stores it.
    static func normalise(_ word: String) -> String {
        var term = word.lowercased().folding(options: .diacriticInsensitive, locale: nil)
        if stopWords.contains(term) { return term }
        // Plural.
        if term.count > 4, term.hasSuffix("ies") {
            term = String(term.dropLast(3)) + "y"
        } else if term.count > 3, term.hasSuffix("s"), !term.hasSuffix("ss"), !term.hasSuffix("us"), !term.hasSuffix("is") {
            term.removeLast()
        }
        // American spelling.
        if let american = spellings[term] {
            term = american
        } else if let rule = suffixes.first(where: { term.count >= $0.minimum && term.hasSuffix($0.british) }) {
            term = String(term.dropLast(rule.british.count)) + rule.american
        }
        // Simple stemming.
        if term.count > 5, term.hasSuffix("ing") {
            term.removeLast(3)
        } else if term.count > 4, term.hasSuffix("ed") {
            term.removeLast(2)
        }
        if term.count > 4, term.hasSuffix("e") { term.removeLast() }
        if term.count > 5, term.hasSuffix("ll") { term.removeLast() }
        return term
    }
}
