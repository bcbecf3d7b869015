/// The words a document writes, for deciding line-end hyphens from the document's own usage.
///
/// Counted from every line, except the two fragments around each line-end hyphen (`long-` and
/// the `range` that follows it), which are what is being decided.
struct WordList {
    /// How often each lower-case word appears (hyphenated compounds also count their parts).
    private var counts: [String: Int] = [:]
    /// Hyphenated compounds by their form without hyphens: `costsharing` → `cost-sharing`.
    private var compounds: [String: String] = [:]
    /// Words the document writes as the last part of a compound (`sharing` of `burden-sharing`).
    private var tails: Set<String> = []

    static let empty = WordList(texts: [])

    init(texts: [String]) {
        for (index, text) in texts.enumerated() {
            var tokens = text.split(separator: " ")
            if text.hasSuffix("-"), !tokens.isEmpty { tokens.removeLast() }
            if index > 0, texts[index - 1].hasSuffix("-"), !tokens.isEmpty { tokens.removeFirst() }
            for token in tokens {
                let word = Self.word(token)
                guard !word.isEmpty else { continue }
                counts[word, default: 0] += 1
                let parts = word.split(separator: "-")
                if parts.count > 1 {
                    compounds[parts.joined()] = word
                    if let last = parts.last { tails.insert(String(last)) }
                    for part in parts { counts[String(part), default: 0] += 1 }
                }
            }
        }
    }

    /// A token lower-cased without surrounding punctuation (inner hyphens kept): `"Long-range,` → `long-range`.
    static func word<S: StringProtocol>(_ token: S) -> String {
        // From the first letter to the last (empty without letters).
        guard let first = token.firstIndex(where: \.isLetter), let last = token.lastIndex(where: \.isLetter) else { return "" }
        return String(token[first...last]).lowercased()
    }

    func count(_ word: String) -> Int { counts[word] ?? 0 }

    /// Whether the document ends a compound with `word` elsewhere (`-sharing`).
    func isCompoundTail(_ word: String) -> Bool { tails.contains(word) }

    func contains(_ word: String) -> Bool { count(word) > 0 }

    /// The hyphenated compound the document writes for `joined`, if any.
    func compound(for joined: String) -> String? { compounds[joined] }

    /// `pdftotext`'s default mode joins `cost-` + `sharing` into `costsharing`: a word written once,
    /// whose hyphenated form the document writes elsewhere, gets its hyphen back.
    func restoringHyphens(_ text: String) -> String {
        guard !compounds.isEmpty else { return text }
        let tokens = text.split(separator: " ", omittingEmptySubsequences: false)
        var mended: [(index: Int, token: String)] = []
        for (index, token) in tokens.enumerated() where token.utf8.count >= 5 {
            let word = Self.word(token)
            guard word.count >= 5, word.allSatisfy({ $0.isLetter }), count(word) <= 1, let compound = compound(for: word),
                  let range = token.range(of: word, options: .caseInsensitive) else { continue }
            mended.append((index, token.replacingCharacters(in: range, with: compound)))
        }
        // Most lines have nothing to mend: they are returned as they came, without a copy per word.
        guard !mended.isEmpty else { return text }
        var parts = tokens.map(String.init)
        for (index, token) in mended { parts[index] = token }
        return parts.joined(separator: " ")
    }
}
