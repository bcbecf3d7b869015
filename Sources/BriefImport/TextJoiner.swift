/// Joins the lines of one paragraph, mending words hyphenated across a line break.
///
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
    static func join(_ lines: [String]) -> String {
        var result = ""
        for line in lines where !line.isEmpty {
            result = result.isEmpty ? line : append(line, to: result)
        }
        return result
    }

    /// `text` followed by the next line, with the right glue.
    static func append(_ next: String, to text: String) -> String {
        guard let last = text.last else { return next }
        if last == "\u{00AD}" { return String(text.dropLast()) + next }
        let beforeLast = text.dropLast().last
        let gluedToWord = beforeLast.map { $0.isLetter || $0.isNumber || $0 == "." } ?? false
        if last == "-" || last == "‐" {
            guard gluedToWord else { return text + " " + next }
            if shouldMend(text, before: next) { return String(text.dropLast()) + next }
            return text + next
        }
        if (last == "—" || last == "–") && gluedToWord { return text + next }
        return text + " " + next
    }

    /// Whether the hyphen ending `text` splits one word that `next` completes.
    static func shouldMend(_ text: String, before next: String) -> Bool {
        guard LineShape.startsLowercase(next) else { return false }
        let fragment = (text.dropLast().split(separator: " ").last ?? "").drop(while: { !$0.isLetter })
        guard !fragment.isEmpty, !fragment.contains("-"), !fragment.contains("‐") else { return false }
        guard fragment.allSatisfy({ $0.isLetter && $0.isLowercase }) else { return false }
        return !hyphenKeepingPrefixes.contains(String(fragment))
    }
}
