/// Joins the lines of one paragraph, mending words hyphenated across a line break.
///
/// The document's own words decide first (`WordList`): a word it writes whole elsewhere is mended
/// (`costsharing`), a compound it writes with its hyphen elsewhere keeps it (`cost-sharing`), and two
/// fragments that are both words of the document (`long` + `range`, not a function word before the
/// hyphen) keep the hyphen too, as does a continuation the document writes as a compound's end
/// (`cost-` + `sharing` beside `burden-sharing`). Otherwise:
/// The hyphen rule: a line ending in `letter-` followed by a line starting with a lower-case
/// letter is a broken word (`ex-` + `pires` → `expires`) unless the fragment before the hyphen
/// already holds a hyphen (`state-of-the-` + `art`), a capital, a digit or a dot (`U.S.-`,
/// `Japan-`, `G7-`), or is a prefix that keeps its hyphen (`self-`, `non-`, `well-`, …).
/// A kept hyphen or a dash glued to a word (`Japan-` + `ROK`, `consequences—` + `North`)
/// joins without a space; everything else joins with one space. A soft hyphen always mends.
enum TextJoiner {
    /// Prefixes whose hyphen is part of the word, so it is kept even across a line break.
    static let hyphenKeepingPrefixes: Set<String> = ["self", "non", "well", "cross", "half", "all", "quasi", "vice"]

    /// The lines joined into one paragraph text.
    static func join(_ lines: [String], words: WordList = .empty) -> String {
        var result = ""
        for line in lines where !line.isEmpty {
            result = result.isEmpty ? line : append(line, to: result, words: words)
        }
        return result
    }

    /// `text` followed by the next line, with the right glue.
    static func append(_ next: String, to text: String, words: WordList = .empty) -> String {
        guard let last = text.last else { return next }
        if last == "\u{00AD}" { return String(text.dropLast()) + next }
        let beforeLast = text.dropLast().last
        let gluedToWord = beforeLast.map { $0.isLetter || $0.isNumber || $0 == "." } ?? false
        if last == "-" || last == "‐" {
            guard gluedToWord else { return text + " " + next }
            if shouldMend(text, before: next, words: words) { return String(text.dropLast()) + next }
            return text + next
        }
        if (last == "—" || last == "–") && gluedToWord { return text + next }
        return text + " " + next
    }

    /// Whether the hyphen ending `text` splits one word that `next` completes.
    static func shouldMend(_ text: String, before next: String, words: WordList = .empty) -> Bool {
        guard LineShape.startsLowercase(next) else { return false }
        let fragment = (text.dropLast().split(separator: " ").last ?? "").drop(while: { !$0.isLetter })
        guard !fragment.isEmpty, !fragment.contains("-"), !fragment.contains("‐") else { return false }
        guard fragment.allSatisfy({ $0.isLetter && $0.isLowercase }) else { return false }
        let first = String(fragment)
        let rest = String(next.prefix(while: { $0.isLetter })).lowercased()
        if words.contains(first + rest) { return true }
        if words.compound(for: first + rest) != nil { return false }
        if first.count >= 3, words.contains(first), words.contains(rest), !LineShape.smallWords.contains(first) { return false }
        if first.count >= 3, words.isCompoundTail(rest), !LineShape.smallWords.contains(first) { return false }
        return !hyphenKeepingPrefixes.contains(first)
    }
}
