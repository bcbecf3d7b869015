/// The site's wording rules in one place: counted nouns and typographic quotes.
public enum English {
    /// "1 paragraph", "3 paragraphs"; `plural` for nouns that do not just take an "s".
    public static func count(_ number: Int, _ singular: String, plural: String? = nil) -> String {
        "\(number) " + (number == 1 ? singular : plural ?? singular + "s")
    }

    /// `text` with straight quotes turned into curly ones: an opening quote after a space, an opening
    /// bracket or at the start; a closing one (or an apostrophe) anywhere else.
    public static func curlyQuotes(_ text: String) -> String {
        guard text.contains(where: { $0 == "\"" || $0 == "'" }) else { return text }
        var result = ""
        var previous: Character? = nil
        for character in text {
            let opens = previous.map { $0.isWhitespace || "([{–—“‘".contains($0) } ?? true
            switch character {
            case "\"": result.append(opens ? "“" : "”")
            case "'": result.append(opens ? "‘" : "’")
            default: result.append(character)
            }
            previous = character
        }
        return result
    }

    /// `title` without a leading "The " when the words before it already end in "the ", so that
    /// "within the [[minilaterals]]" reads "within the Quad", not "within the The Quad".
    public static func title(_ title: String, after preceding: Substring) -> String {
        guard title.hasPrefix("The "), preceding.lowercased().hasSuffix("the ") else { return title }
        return String(title.dropFirst(4))
    }
}
