import Foundation
import DossierCore

/// Finds recommendation lead-ins: a short imperative first sentence that titles its paragraph.
///
/// A paragraph is a candidate when it has at least two sentences, the first has 2–15 words,
/// ends with a full stop and opens with a capitalised verb. Candidates are accepted
/// - in a section whose heading contains RECOMMENDATION (any case): the verb may be one of a
///   list of common imperatives, or any word that is not a function word, does not end in
///   -s/-ed/-ing/-ly, and never appears capitalised mid-sentence elsewhere in the brief
///   (so proper nouns such as `Japan` are not taken for verbs);
/// - elsewhere, only when two or more consecutive paragraphs of a section open with a listed
///   imperative verb.
struct LeadInDetector {
    /// Common verbs that open policy recommendations.
    static let imperativeVerbs: Set<String> = [
        "accelerate", "accept", "acknowledge", "add", "address", "adopt", "advance", "align", "allow", "anticipate",
        "apply", "appoint", "articulate", "ask", "assess", "avoid", "ban", "bolster", "boost", "bring",
        "broaden", "build", "choose", "clarify", "commit", "consider", "consult", "continue", "convene",
        "coordinate", "create", "deepen", "define", "demonstrate", "deploy", "design", "deter", "develop",
        "do", "don't", "draw", "elevate", "embrace", "empower", "encourage", "enforce", "engage",
        "enhance", "ensure", "establish", "expand", "expedite", "explore", "fix", "focus", "formalise", "formalize",
        "foster", "fund", "get", "give", "guarantee", "harmonise", "harmonize", "help", "hold", "implement",
        "improve", "increase", "insist", "institutionalise", "institutionalize", "integrate", "invest", "keep",
        "launch", "lead", "let", "leverage", "limit", "maintain", "make",
        "measure", "modernise", "modernize", "negotiate", "nurture", "offer", "pair", "plan",
        "prepare", "preserve", "prevent", "prioritise", "prioritize", "promote", "protect", "provide",
        "publish", "pursue", "push", "put", "raise", "reaffirm", "reassure", "rebuild", "recognise", "recognize",
        "redefine", "reduce", "reform", "refrain", "reinforce", "reject", "remove", "renew", "replace",
        "require", "resist", "resolve", "respond", "restore", "resume", "retain", "rethink", "review", "revise",
        "revive", "reward", "secure", "seek", "seize", "set", "share", "shift", "simplify",
        "stand", "start", "stop", "streamline", "strengthen", "support", "sustain", "tailor",
        "take", "think", "tie", "tighten", "train", "treat", "upgrade", "uphold", "use",
        "welcome", "work",
    ]
    /// Function words that never open an imperative.
    static let functionWords: Set<String> = [
        "a", "an", "the", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you",
        "one", "some", "many", "most", "all", "each", "every", "no", "in", "on", "at", "by", "for", "from",
        "with", "as", "of", "to", "if", "when", "while", "after", "before", "since", "but", "and", "or", "yet",
        "so", "still", "however", "indeed", "moreover", "furthermore", "there", "here", "such", "our", "their",
        "his", "her", "my", "your", "what", "why", "how", "who", "not", "also", "even", "only", "just",
    ]

    /// Words seen capitalised somewhere other than at a sentence start (likely proper nouns).
    var properNouns: Set<String>

    /// Collects proper-noun evidence from all paragraph texts.
    init(texts: [String]) {
        var nouns: Set<String> = []
        for text in texts {
            let words = LineShape.words(text)
            for (index, word) in words.enumerated() where index > 0 {
                let previous = words[index - 1]
                guard let first = word.first, first.isUppercase,
                      let end = previous.last, !".!?:".contains(end) else { continue }
                nouns.insert(Self.bare(word))
            }
        }
        properNouns = nouns
    }

    /// Lead-in and remaining text for each paragraph text of one section (nil: no lead-in).
    func leadIns(for texts: [String], inRecommendationSection: Bool) -> [(leadIn: String, rest: String)?] {
        let candidates = texts.map(candidate)
        if inRecommendationSection {
            return candidates.map { found in
                guard let found, found.isListedVerb || isLooseVerb(found.verb) else { return nil }
                return (found.leadIn, found.rest)
            }
        }
        var result: [(leadIn: String, rest: String)?] = Array(repeating: nil, count: texts.count)
        var index = 0
        while index < candidates.count {
            var end = index
            while end < candidates.count, candidates[end]?.isListedVerb == true { end += 1 }
            if end - index >= 2 {
                for position in index..<end {
                    if let found = candidates[position] { result[position] = (found.leadIn, found.rest) }
                }
            }
            index = max(end, index + 1)
        }
        return result
    }

    /// Whether a section heading marks recommendations.
    static func isRecommendationHeading(_ heading: String?) -> Bool {
        heading?.range(of: "recommendation", options: .caseInsensitive) != nil
    }

    private struct Candidate {
        var leadIn: String
        var rest: String
        var verb: String
        var isListedVerb: Bool
    }

    private func candidate(_ text: String) -> Candidate? {
        guard let (first, rest) = Sentences.splitFirst(Substring(text)), first.hasSuffix(".") else { return nil }
        let words = LineShape.words(first)
        guard (2...15).contains(words.count), let verb = words.first, verb.first?.isUppercase == true else {
            return nil
        }
        let bareVerb = Self.bare(verb)
        return Candidate(leadIn: first, rest: String(rest), verb: bareVerb, isListedVerb: Self.imperativeVerbs.contains(bareVerb))
    }

    private func isLooseVerb(_ verb: String) -> Bool {
        guard verb.count >= 3, verb.allSatisfy(\.isLetter), !Self.functionWords.contains(verb) else { return false }
        guard !["s", "ed", "ing", "ly"].contains(where: { verb.hasSuffix($0) }) else { return false }
        return !properNouns.contains(verb)
    }

    /// A word lower-cased without surrounding punctuation.
    private static func bare<S: StringProtocol>(_ word: S) -> String {
        String(word.filter { $0.isLetter || $0 == "'" || $0 == "’" }).lowercased()
    }
}
