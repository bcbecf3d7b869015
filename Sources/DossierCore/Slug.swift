import Foundation

/// Makes URL- and id-safe slugs from titles and headings.
public enum Slug {
    /// Lower-case ASCII letters and digits joined by single hyphens, accents folded
    /// (`Way Forward` → `way-forward`, `Ōkinawa's` → `okinawas`); empty when nothing is left.
    public static func make(from text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return makeASCII(text) }
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

    /// `make` for ASCII text, on bytes: folding ASCII only lower-cases it, and its alphanumerics are `[A-Za-z0-9]`.
    private static func makeASCII(_ text: String) -> String {
        var slug: [UInt8] = []
        slug.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for byte in text.utf8 {
            let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            if (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (lower >= UInt8(ascii: "0") && lower <= UInt8(ascii: "9")) {
                if pendingHyphen, !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                slug.append(lower)
            } else if byte != UInt8(ascii: "'") {
                pendingHyphen = true
            }
        }
        return String(decoding: slug, as: UTF8.self)
    }

    /// The rule `isValid` checks, in the words every message and `--help` use.
    public static let rule = "use lower-case letters a-z, digits and '-' or '_', starting with a letter or digit (no spaces, '/' or '..')"

    /// Whether `text` is a valid slug: lower-case letters, digits, `-` and `_`, not starting with `-` or `_`.
    public static func isValid(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first != "-", first != "_" else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }
}

/// Hands out slugs that are unique within one page (`intro`, `intro-2`, …).
public struct UniqueSlugger: Sendable {
    /// Shared between pages, never copied: only `used` grows.
    private let reserved: Set<String>
    private var used: Set<String> = []
    /// The next counter to try for each base: 50,000 identical headings would otherwise probe
    /// `intro-2`, `intro-3`, … from the start each time (quadratic).
    private var nextCounter: [String: Int] = [:]

    /// Starts with ids that are already taken.
    public init(reserved: Set<String> = []) {
        self.reserved = reserved
    }

    /// Marks `id`, written in the page some other way, as taken so that no later slug takes it;
    /// false when it was already taken (reserved, handed out, or marked before).
    @discardableResult
    public mutating func take(_ id: String) -> Bool {
        guard !reserved.contains(id) else { return false }
        return used.insert(id).inserted
    }

    /// A fresh id for `text`; `fallback` when the text has no letters or digits.
    public mutating func slug(for text: String, fallback: String = "section") -> String {
        var base = Slug.make(from: text)
        if base.isEmpty { base = fallback }
        // Paragraph anchors are `p12`; a heading must never take one.
        let bytes = base.utf8
        if bytes.count > 1, bytes.first == UInt8(ascii: "p"), bytes.dropFirst().allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
            base = "s-" + base
        }
        var candidate = base
        // Counters below the remembered one are all taken (ids are never freed), so the result is
        // still the smallest free `base-N`.
        var counter = nextCounter[base] ?? 2
        while used.contains(candidate) || reserved.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        if candidate != base { nextCounter[base] = counter }
        used.insert(candidate)
        return candidate
    }
}
