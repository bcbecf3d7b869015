/// Finds which of many alias phrases occur in a text, in one pass over its words.
///
/// Matching is case-insensitive and on word boundaries; `U.S.` and `US`, hyphens and spaces,
/// possessives and simple plurals (`alliances`, `policies`) all match the same alias.
public struct AliasMatcher: Sendable {
    /// What a phrase maps to: the caller's identifier for it.
    public typealias PatternID = Int

    private struct Node: Sendable {
        var children: [String: Int] = [:]
        var patterns: [PatternID] = []
    }

    private var nodes: [Node] = [Node()]

    /// Builds a trie over the normalised words of each phrase.
    public init(phrases: [(phrase: String, id: PatternID)]) {
        for (phrase, id) in phrases {
            let words = AliasMatcher.words(of: phrase)
            guard !words.isEmpty else { continue }
            var current = 0
            for word in words {
                if let next = nodes[current].children[word] {
                    current = next
                } else {
                    nodes.append(Node())
                    nodes[current].children[word] = nodes.count - 1
                    current = nodes.count - 1
                }
            }
            nodes[current].patterns.append(id)
        }
    }

    /// The ids of every phrase occurring in `text` (each once), in ascending order.
    public func matches(in text: String) -> [PatternID] {
        let words = AliasMatcher.words(of: text)
        var found: Set<PatternID> = []
        for start in words.indices {
            var current = 0
            var index = start
            while index < words.count, let next = nodes[current].children[words[index]] {
                current = next
                found.formUnion(nodes[current].patterns)
                index += 1
            }
        }
        return found.sorted()
    }

    /// Whether `phrase` has any words to match at all.
    public static func isMatchable(_ phrase: String) -> Bool {
        !words(of: phrase).isEmpty
    }

    /// The normalised words of a text: lower-cased, dotted initialisms joined, possessives and plurals folded.
    static func words(of text: String) -> [String] {
        let characters = Array(text)
        var words: [String] = []
        var current = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let atWordStart = current.isEmpty && (index == 0 || !characters[index - 1].isLetter)
            if atWordStart, let (initialism, end) = initialism(in: characters, at: index) {
                words.append(initialism)
                index = end
                continue
            }
            if character.isLetter || character.isNumber {
                current.append(contentsOf: character.lowercased())
            } else {
                if !current.isEmpty { words.append(fold(current)) }
                current = ""
                // A possessive 's ends the word without adding one.
                let isApostrophe = character == "'" || character == "’"
                if isApostrophe, index + 1 < characters.count, characters[index + 1] == "s" || characters[index + 1] == "S",
                   index + 2 >= characters.count || !characters[index + 2].isLetter
                {
                    index += 1
                }
            }
            index += 1
        }
        if !current.isEmpty { words.append(fold(current)) }
        return words
    }

    /// `U.S.` or `R.O.K.` starting at `start`: two or more single letters each followed by a dot.
    private static func initialism(in characters: [Character], at start: Int) -> (String, Int)? {
        var letters = ""
        var cursor = start
        while cursor + 1 < characters.count, characters[cursor].isLetter, characters[cursor + 1] == "." {
            letters.append(contentsOf: characters[cursor].lowercased())
            cursor += 2
        }
        return letters.count >= 2 ? (letters, cursor) : nil
    }

    /// Folds simple English plurals to the singular (`policies` → `policy`, `bases` → `base`).
    static func fold(_ word: String) -> String {
        guard word.count > 3, word.last == "s", !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is") else {
            return word
        }
        if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("ches") || word.hasSuffix("shes") || word.hasSuffix("xes") || word.hasSuffix("sses") {
            return String(word.dropLast(2))
        }
        return String(word.dropLast())
    }
}
