import Foundation

/// Makes heading anchors that are unique within a brief and never clash with `p12` paragraph anchors.
struct HeadingSlugger {
    private var used: Set<String> = []

    /// A fresh slug for a heading (nil heading: the untitled opening section, `intro`).
    mutating func slug(for heading: String?) -> String {
        var base = heading.map(Self.slugify) ?? "intro"
        if base.isEmpty { base = "section" }
        if base.wholeMatch(of: /p[0-9]+/) != nil { base = "s-" + base }
        var candidate = base
        var counter = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// Lower-case ASCII letters and digits, other runs turned into single hyphens, accents folded.
    static func slugify(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                if pendingHyphen, !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else if scalar != "'" && scalar != "’" {
                pendingHyphen = true
            }
        }
        return slug
    }
}
