/// Makes URL- and id-safe slugs from titles and headings.
public enum Slug {
    /// Lower-case ASCII letters and digits joined by single hyphens (`Way Forward` → `way-forward`).
    public static func make(from text: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            let folded = asciiFold(scalar)
            if let folded, folded.isLetterOrDigit {
                if pendingHyphen, !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.unicodeScalars.append(folded.lowercased)
            } else if scalar != "'" && scalar != "’" {
                pendingHyphen = true
            }
        }
        return slug.isEmpty ? "section" : slug
    }

    /// Whether `text` is a valid slug: lower-case letters, digits, `-` and `_`, not starting with `-`.
    public static func isValid(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first != "-", first != "_" else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    private static func asciiFold(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        if scalar.isASCII { return scalar }
        // Fold common Latin letters with diacritics to their base letter.
        let decomposed = String(scalar).decomposedStringWithCanonicalMappingCompat
        return decomposed.unicodeScalars.first.flatMap { $0.isASCII ? $0 : nil }
    }
}

extension Unicode.Scalar {
    fileprivate var isLetterOrDigit: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self)
    }

    fileprivate var lowercased: Unicode.Scalar {
        ("A"..."Z").contains(self) ? Unicode.Scalar(value + 32) ?? self : self
    }
}

extension String {
    /// Canonical decomposition without Foundation (NFD of Latin-1 letters via a small table).
    fileprivate var decomposedStringWithCanonicalMappingCompat: String {
        let table: [Character: Character] = [
            "à": "a", "á": "a", "â": "a", "ä": "a", "ã": "a", "å": "a", "ç": "c", "è": "e", "é": "e", "ê": "e", "ë": "e",
            "ì": "i", "í": "i", "î": "i", "ï": "i", "ñ": "n", "ò": "o", "ó": "o", "ô": "o", "ö": "o", "õ": "o", "ø": "o",
            "ù": "u", "ú": "u", "û": "u", "ü": "u", "ý": "y", "ÿ": "y", "ō": "o", "ū": "u",
        ]
        return String(map { table[Character($0.lowercased())] ?? $0 })
    }
}
