/// Joins the lines of a paragraph: a space between words, nothing after a dash, and a hyphen at a
/// line end kept unless the document itself writes the word whole elsewhere (`co-` + `operation`
/// stays `co-operation` unless `cooperation` appears in the brief).
enum TextGlue {
    static func join(_ text: String, _ next: String, wholeWords: Set<String> = []) -> String {
        guard let last = text.last else { return next }
        if last == "\u{00AD}" { return String(text.dropLast()) + next }
        if last == "-" || last == "‐" {
            let fragment = text.dropLast().reversed().prefix(while: \.isLetter).reversed()
            let rest = next.prefix(while: \.isLetter)
            if !fragment.isEmpty, !rest.isEmpty, wholeWords.contains((String(fragment) + rest).lowercased()),
               !wholeWords.contains((String(fragment) + "-" + rest).lowercased()) {
                return String(text.dropLast()) + next
            }
            return text + next
        }
        if last == "—" || last == "–" || last == "/" { return text + next }
        return text + " " + next
    }

    /// Every word of the text, lower-cased, hyphenated compounds both whole and as written.
    static func words(of texts: [String]) -> Set<String> {
        var words: Set<String> = []
        for text in texts {
            for word in text.split(whereSeparator: { !$0.isLetter && $0 != "-" }) {
                let trimmed = word.trimmingCharacters(in: ["-"])
                if !trimmed.isEmpty { words.insert(trimmed.lowercased()) }
            }
        }
        return words
    }
}
