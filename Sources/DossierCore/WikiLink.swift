/// A `[[target#fragment|text]]` reference written in Markdown.
public struct WikiLink: Hashable, Sendable {
    /// What follows the `#`.
    public enum Fragment: Hashable, Sendable {
        /// `#p12` or `#p12-p14`: brief paragraphs, first to last.
        case paragraphs(ClosedRange<Int>)
        /// Any other `#anchor`, e.g. a heading id.
        case anchor(String)
    }

    /// The slug of the page linked to (topic, brief or commentary).
    public var target: String
    /// The part after `#`, if any.
    public var fragment: Fragment?
    /// The text after `|`, if any.
    public var text: String?
    /// The link exactly as written, brackets included.
    public var raw: String

    /// Creates a link.
    public init(target: String, fragment: Fragment? = nil, text: String? = nil, raw: String) {
        self.target = target
        self.fragment = fragment
        self.text = text
        self.raw = raw
    }
}

/// One wiki-link occurrence found in a text: the link, or why it is malformed.
public struct WikiLinkMatch: Hashable, Sendable {
    /// UTF-8 byte range of the whole `[[…]]` in the scanned text.
    public var utf8Range: Range<Int>
    /// The parsed link, or the reason it could not be parsed.
    public var result: Result<WikiLink, WikiLinkSyntaxError>
}

/// Why a `[[…]]` could not be read.
public struct WikiLinkSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// One-line explanation.
    public var message: String
    public var description: String { message }
}

extension WikiLink {
    /// Finds every `[[…]]` in `text` (a link never spans lines); an unclosed `[[` is a match with an error.
    public static func scan(_ text: String) -> [WikiLinkMatch] {
        var text = text
        return text.withUTF8 { scan(utf8: $0) }
    }

    /// `scan` over UTF-8 bytes (a cmark literal is read in place, without making a `String` of it):
    /// only the links found become strings.
    public static func scan(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [WikiLinkMatch] {
        var matches: [WikiLinkMatch] = []
        let count = bytes.count
        var index = 0
        while index + 1 < count {
            guard bytes[index] == UInt8(ascii: "["), bytes[index + 1] == UInt8(ascii: "[") else {
                index += 1
                continue
            }
            var end = index + 2
            var closed = false
            while end < count, bytes[end] != UInt8(ascii: "\n") {
                if bytes[end] == UInt8(ascii: "]"), end + 1 < count, bytes[end + 1] == UInt8(ascii: "]") {
                    closed = true
                    break
                }
                end += 1
            }
            if !closed {
                let error = WikiLinkSyntaxError(message: "unclosed '[[': a wiki link must end with ']]' on the same line")
                matches.append(WikiLinkMatch(utf8Range: index..<index + 2, result: .failure(error)))
                // No `]]` follows on this line, so every later `[[` on it is unclosed too: one error per
                // line, and no rescan of the line for each `[[` (50,000 `[` were quadratic).
                index = end
                continue
            }
            let inner = String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 2)..<end]), as: UTF8.self)
            let raw = "[[" + inner + "]]"
            matches.append(WikiLinkMatch(utf8Range: index..<(end + 2), result: parse(inner: inner, raw: raw)))
            index = end + 2
        }
        return matches
    }

    /// Parses the inside of `[[…]]`.
    public static func parse(inner: String, raw: String) -> Result<WikiLink, WikiLinkSyntaxError> {
        var reference = Substring(inner)
        var text: String?
        // Byte searches: `|` and `#` are ASCII, so their byte is always where a character starts.
        if let bar = inner.utf8.firstIndex(of: UInt8(ascii: "|")) {
            reference = inner[..<bar]
            let label = inner[inner.index(after: bar)...].trimmingSpaces()
            guard !label.isEmpty else { return .failure(.init(message: "empty link text after '|' in '\(raw)'")) }
            text = label
        }
        var target = String(reference.trimmingSpaces())
        var fragment: Fragment?
        if let hash = target.utf8.firstIndex(of: UInt8(ascii: "#")) {
            let fragmentText = String(target[target.index(after: hash)...])
            target = String(target[..<hash])
            switch parseFragment(fragmentText, raw: raw) {
            case .success(let parsed): fragment = parsed
            case .failure(let error): return .failure(error)
            }
        }
        guard !target.isEmpty else { return .failure(.init(message: "wiki link '\(raw)' names no page")) }
        guard isSlug(target) else {
            return .failure(.init(message: "'\(target)' in '\(raw)' is not a page slug (letters, digits, '-' and '_' only)"))
        }
        return .success(WikiLink(target: target, fragment: fragment, text: text, raw: raw))
    }

    /// Letters, digits, `-` and `_`; ASCII is checked byte by byte (the common case, and Unicode
    /// character properties cost a noticeable share of a large build).
    private static func isSlug(_ text: String) -> Bool {
        var isASCII = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                continue
            case 0x80...:
                isASCII = false
            default:
                return false
            }
        }
        return isASCII || text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }

    private static func parseFragment(_ text: String, raw: String) -> Result<Fragment, WikiLinkSyntaxError> {
        guard !text.isEmpty else { return .failure(.init(message: "empty '#' anchor in '\(raw)'")) }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let numbers = parts.map(paragraphNumber)
        if parts.count <= 2, numbers.allSatisfy({ $0 != nil }) {
            let first = numbers[0] ?? 0
            let last = numbers.last.flatMap { $0 } ?? first
            guard first >= 1 else { return .failure(.init(message: "paragraph numbers start at p1 in '\(raw)'")) }
            guard first <= last else {
                return .failure(.init(message: "reversed paragraph range p\(first)-p\(last) in '\(raw)'"))
            }
            return .success(.paragraphs(first...last))
        }
        return .success(.anchor(text))
    }

    private static func paragraphNumber(_ part: Substring) -> Int? {
        guard part.first == "p", part.count > 1, part.count <= 7 else { return nil }
        return Int(part.dropFirst())
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
