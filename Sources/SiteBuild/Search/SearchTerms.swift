import DossierCore
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

    /// The terms of `text`, in order (stop words left out): `normalise` of each of `words(of:)`, read
    /// on bytes. An ASCII word is lower-cased and suffixed in a byte buffer (no `String` until it is a
    /// term); a word with other letters goes through `normalise`, where Foundation folds its accents.
    static func terms(of text: String) -> [String] {
        var reader = TermReader()
        for byte in text.utf8 { reader.read(byte) }
        reader.finishWord()
        return reader.terms
    }

    /// Reads a text byte by byte (a struct, not captured variables: those cost an exclusivity check
    /// per access).
    private struct TermReader {
        var terms: [String] = []
        var word: [UInt8] = []
        var wordIsASCII = true
        /// The bytes of a multi-byte scalar read so far, and how many it has.
        var scalarBytes: [UInt8] = []
        var scalarLength = 0

        init() {
            word.reserveCapacity(32)
            scalarBytes.reserveCapacity(4)
        }

        mutating func read(_ byte: UInt8) {
            if scalarLength > 0 {
                scalarBytes.append(byte)
                if scalarBytes.count == scalarLength { readScalar() }
            } else if byte < 0x80 {
                if isASCIILetterOrDigit(byte) {
                    word.append(byte)
                } else if byte != UInt8(ascii: "'") || word.isEmpty {
                    finishWord()
                }
            } else {
                scalarLength = UTF8Scalar.length(lead: byte)
                scalarBytes.append(byte)
            }
        }

        private mutating func readScalar() {
            let scalar = UTF8Scalar.decode(scalarBytes)
            if let scalar, isWordScalar(scalar) {
                word.append(contentsOf: scalarBytes)
                wordIsASCII = false
            } else if scalar != "’" || word.isEmpty {
                finishWord()
            }
            scalarBytes.removeAll(keepingCapacity: true)
            scalarLength = 0
        }

        mutating func finishWord() {
            guard !word.isEmpty else { return }
            let term: String
            if wordIsASCII {
                for index in word.indices where word[index] &- UInt8(ascii: "A") < 26 { word[index] |= 0x20 }
                term = applyRules(to: &word, extraBytes: 0)
            } else {
                term = normalise(String(decoding: word, as: UTF8.self))
            }
            if !term.isEmpty, !isStopWord(term) { terms.append(term) }
            word.removeAll(keepingCapacity: true)
            wordIsASCII = true
        }
    }

    /// The words of `text`: runs of letters and digits; apostrophes inside a word are dropped.
    /// (`terms(of:)` reads words the same way on bytes; this is its definition.)
    static func words(of text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
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
        let folded = word.lowercased().folding(options: .diacriticInsensitive, locale: nil)
        var bytes = Array(folded.utf8)
        return applyRules(to: &bytes, extraBytes: bytes.count - folded.count)
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? isASCIILetterOrDigit(UInt8(scalar.value)) : scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10
    }

    private static let longestStopWord = stopWords.map(\.utf8.count).max() ?? 0

    private static func isStopWord(_ term: String) -> Bool {
        term.utf8.count <= longestStopWord && stopWords.contains(term)
    }

    /// Plural, American spelling and stemming, on a lower-cased word without accents. The rules add
    /// and remove only ASCII letters, so the word keeps `extraBytes` more bytes than characters
    /// (lengths in the rules are in characters). No stop word is changed by them.
    private static func applyRules(to term: inout [UInt8], extraBytes: Int) -> String {
        var count: Int { term.count - extraBytes }
        func hasSuffix(_ suffix: StaticString) -> Bool {
            let length = suffix.utf8CodeUnitCount
            guard term.count >= length else { return false }
            return suffix.withUTF8Buffer { term[(term.count - length)...].elementsEqual($0) }
        }
        // Plural.
        if count > 4, hasSuffix("ies") {
            term.removeLast(3)
            term.append(UInt8(ascii: "y"))
        } else if count > 3, hasSuffix("s"), !hasSuffix("ss"), !hasSuffix("us"), !hasSuffix("is") {
            term.removeLast()
        }
        // American spelling (the table is asked only about words ending as one of its words does).
        if let last = term.last, spellingLastBytes[Int(last)], let american = spellings[String(decoding: term, as: UTF8.self)] {
            term = Array(american.utf8)
        } else if let rule = suffixBytes.first(where: { count >= $0.minimum && term.count >= $0.british.count && term.suffix($0.british.count).elementsEqual($0.british) }) {
            term.removeLast(rule.british.count)
            term.append(contentsOf: rule.american)
        }
        // Simple stemming.
        if count > 5, hasSuffix("ing") {
            term.removeLast(3)
        } else if count > 4, hasSuffix("ed") {
            term.removeLast(2)
        }
        if count > 4, hasSuffix("e") { term.removeLast() }
        if count > 5, hasSuffix("ll") { term.removeLast() }
        return String(decoding: term, as: UTF8.self)
    }

    private static let spellingLastBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for british in spellings.keys { table[Int(british.utf8.last ?? 0)] = true }
        return table
    }()

    private static let suffixBytes = suffixes.map { (british: Array($0.british.utf8), american: Array($0.american.utf8), minimum: $0.minimum) }
}
