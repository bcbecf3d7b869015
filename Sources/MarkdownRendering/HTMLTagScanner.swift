/// Splits an HTML fragment into text, start tags and end tags the way the HTML standard's tokenizer
/// does in its data state (comments, doctypes and processing instructions are skipped). One pass,
/// never backtracking: a tag left open at the end of the fragment is dropped with the rest, as a
/// browser drops a tag cut off by the end of the file.
struct HTMLTagScanner {
    struct Attribute {
        var name: String
        /// The value as written (entities not decoded); nil for a bare attribute such as `open`.
        var value: String?
    }

    enum Token {
        case text(Range<Int>)
        case startTag(name: String, attributes: [Attribute], selfClosing: Bool)
        case endTag(name: String)
    }

    let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func next() -> Token? {
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                let start = index
                while index < bytes.count, bytes[index] != UInt8(ascii: "<") { index += 1 }
                return .text(start..<index)
            }
            let after = index + 1 < bytes.count ? bytes[index + 1] : 0
            if Self.isLetter(after) {
                index += 1
                return startTag()
            }
            if after == UInt8(ascii: "/") {
                let first = index + 2 < bytes.count ? bytes[index + 2] : 0
                if Self.isLetter(first) {
                    index += 2
                    let name = readName()
                    // End tags may carry attributes; the tokenizer reads and ignores them.
                    guard readAttributes() != nil else { return nil }
                    return .endTag(name: name)
                }
                // `</>` is nothing; `</3` and the like are bogus comments up to `>`.
                skipPast(UInt8(ascii: ">"), from: index + 2)
                continue
            }
            if after == UInt8(ascii: "!") {
                if bytes[index...].starts(with: Array("<!--".utf8)) {
                    skipComment()
                } else {
                    skipPast(UInt8(ascii: ">"), from: index + 2)
                }
                continue
            }
            if after == UInt8(ascii: "?") {
                skipPast(UInt8(ascii: ">"), from: index + 2)
                continue
            }
            // A `<` that starts nothing is text.
            index += 1
            return .text(index - 1..<index)
        }
        return nil
    }

    /// Skips the content of a raw-text element up to and including `</name…>` (to the end when missing).
    mutating func skipRawText(closing name: String) {
        let closing = Array("</\(name)".utf8)
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), Self.startsCaseInsensitive(bytes, at: index, with: closing) else {
                index += 1
                continue
            }
            let end = index + closing.count
            let following = end < bytes.count ? bytes[end] : UInt8(ascii: ">")
            guard Self.isSpace(following) || following == UInt8(ascii: "/") || following == UInt8(ascii: ">") else {
                index += 1
                continue
            }
            index = end
            _ = readAttributes()
            return
        }
    }

    private mutating func startTag() -> Token? {
        let name = readName()
        guard let (attributes, selfClosing) = readAttributes() else { return nil }
        return .startTag(name: name, attributes: attributes, selfClosing: selfClosing)
    }

    /// A tag name, lower-cased: everything up to whitespace, `/` or `>`.
    private mutating func readName() -> String {
        let start = index
        while index < bytes.count, !Self.isSpace(bytes[index]), bytes[index] != UInt8(ascii: "/"), bytes[index] != UInt8(ascii: ">") {
            index += 1
        }
        return Self.lowercased(bytes[start..<index])
    }

    /// Attributes up to and including the tag's `>`; nil when the fragment ends first (the tag is dropped).
    private mutating func readAttributes() -> (attributes: [Attribute], selfClosing: Bool)? {
        var attributes: [Attribute] = []
        var selfClosing = false
        while index < bytes.count {
            let byte = bytes[index]
            if Self.isSpace(byte) {
                index += 1
                continue
            }
            if byte == UInt8(ascii: ">") {
                index += 1
                return (attributes, selfClosing)
            }
            if byte == UInt8(ascii: "/") {
                index += 1
                selfClosing = index < bytes.count && bytes[index] == UInt8(ascii: ">")
                continue
            }
            selfClosing = false
            // A name may start with `=`; it ends at whitespace, `/`, `>` or a later `=`.
            let nameStart = index
            index += 1
            while index < bytes.count, !Self.isSpace(bytes[index]), ![UInt8(ascii: "/"), UInt8(ascii: ">"), UInt8(ascii: "=")].contains(bytes[index]) {
                index += 1
            }
            let name = Self.lowercased(bytes[nameStart..<index])
            var lookahead = index
            while lookahead < bytes.count, Self.isSpace(bytes[lookahead]) { lookahead += 1 }
            guard lookahead < bytes.count, bytes[lookahead] == UInt8(ascii: "=") else {
                attributes.append(Attribute(name: name, value: nil))
                continue
            }
            index = lookahead + 1
            while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count else { return nil }
            let quote = bytes[index]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                let valueStart = index + 1
                guard let close = bytes[valueStart...].firstIndex(of: quote) else { return nil }
                attributes.append(Attribute(name: name, value: String(decoding: bytes[valueStart..<close], as: UTF8.self)))
                index = close + 1
            } else {
                let valueStart = index
                while index < bytes.count, !Self.isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                attributes.append(Attribute(name: name, value: String(decoding: bytes[valueStart..<index], as: UTF8.self)))
            }
        }
        return nil
    }

    /// `<!-- … -->`, where `<!-->` and `<!--->` end at once and `--!>` also closes, as in a browser.
    private mutating func skipComment() {
        let start = index + 4
        if start < bytes.count, bytes[start] == UInt8(ascii: ">") { index = start + 1; return }
        if start + 1 < bytes.count, bytes[start] == UInt8(ascii: "-"), bytes[start + 1] == UInt8(ascii: ">") { index = start + 2; return }
        var cursor = start
        while cursor + 2 < bytes.count {
            if bytes[cursor] == UInt8(ascii: "-"), bytes[cursor + 1] == UInt8(ascii: "-") {
                if bytes[cursor + 2] == UInt8(ascii: ">") { index = cursor + 3; return }
                if bytes[cursor + 2] == UInt8(ascii: "!"), cursor + 3 < bytes.count, bytes[cursor + 3] == UInt8(ascii: ">") { index = cursor + 4; return }
            }
            cursor += 1
        }
        index = bytes.count
    }

    private mutating func skipPast(_ byte: UInt8, from start: Int) {
        index = start < bytes.count ? (bytes[start...].firstIndex(of: byte).map { $0 + 1 } ?? bytes.count) : bytes.count
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    /// HTML whitespace: tab, line feed, form feed, carriage return, space.
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    private static func lowercased(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    private static func startsCaseInsensitive(_ bytes: [UInt8], at start: Int, with prefix: [UInt8]) -> Bool {
        guard start + prefix.count <= bytes.count else { return false }
        for offset in 0..<prefix.count {
            let byte = bytes[start + offset]
            let folded = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
            if folded != prefix[offset] { return false }
        }
        return true
    }
}
