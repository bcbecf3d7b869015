import DossierCore

/// What a tag does, from the character after `{{`.
enum TagKind: Equatable, Sendable {
    case variable, raw, section, inverted, close, comment, partial, parent, block

    /// Whether a line holding only tags of this kind and whitespace is removed from the output.
    var canStandAlone: Bool {
        switch self {
        case .variable, .raw: return false
        case .section, .inverted, .close, .comment, .partial, .parent, .block: return true
        }
    }
}

/// A piece of template text: literal bytes, a tag, or the start of a kept line.
struct TemplateToken {
    enum Kind {
        case text(Range<Int>)
        case tag(TagKind, name: String)
        case lineStart
    }

    var kind: Kind
    /// UTF-8 offset of the text or of the tag's `{{`.
    var offset: Int
    /// For a standalone partial or parent: the whitespace that began its line.
    var indentation: [UInt8] = []
    /// Whether the tag was alone on its line (with other standalone tags).
    var isStandalone = false
}

/// Splits template bytes into tokens and applies the Mustache standalone-line rule.
struct TemplateScanner {
    let bytes: [UInt8]
    let path: String
    private let lines: LineIndex

    init(text: String, path: String) {
        bytes = Array(text.utf8)
        self.path = path
        lines = LineIndex(text)
    }

    /// The 1-based location of a UTF-8 offset.
    func location(of offset: Int) -> SourceLocation {
        lines.position(ofUTF8Offset: offset).located(in: path)
    }

    /// Tokens with standalone lines removed and `lineStart` before every other non-empty line.
    func scan() throws(TemplateError) -> [TemplateToken] {
        applyStandaloneRule(try rawTokens())
    }

    /// Text (split after each newline) and tags, in order.
    private func rawTokens() throws(TemplateError) -> [TemplateToken] {
        var tokens: [TemplateToken] = []
        var textStart = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "{"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{") {
                appendText(textStart..<index, to: &tokens)
                let (token, end) = try scanTag(at: index)
                tokens.append(token)
                index = end
                textStart = end
            } else {
                index += 1
            }
        }
        appendText(textStart..<bytes.count, to: &tokens)
        return tokens
    }

    private func appendText(_ range: Range<Int>, to tokens: inout [TemplateToken]) {
        var start = range.lowerBound
        for index in range where bytes[index] == UInt8(ascii: "\n") {
            tokens.append(TemplateToken(kind: .text(start..<(index + 1)), offset: start))
            start = index + 1
        }
        if start < range.upperBound {
            tokens.append(TemplateToken(kind: .text(start..<range.upperBound), offset: start))
        }
    }

    /// Reads the tag whose `{{` is at `open`; returns it and the offset just past its end.
    private func scanTag(at open: Int) throws(TemplateError) -> (TemplateToken, Int) {
        let sigilIndex = open + 2
        guard sigilIndex < bytes.count else { throw TemplateError("unclosed tag '{{'", at: location(of: open)) }
        let kind: TagKind
        var contentStart = sigilIndex + 1
        var closer: [UInt8] = [UInt8(ascii: "}"), UInt8(ascii: "}")]
        switch bytes[sigilIndex] {
        case UInt8(ascii: "!"): kind = .comment
        case UInt8(ascii: "{"):
            kind = .raw
            closer.append(UInt8(ascii: "}"))
        case UInt8(ascii: "&"): kind = .raw
        case UInt8(ascii: "#"): kind = .section
        case UInt8(ascii: "^"): kind = .inverted
        case UInt8(ascii: "/"): kind = .close
        case UInt8(ascii: ">"): kind = .partial
        case UInt8(ascii: "<"): kind = .parent
        case UInt8(ascii: "$"): kind = .block
        case UInt8(ascii: "="):
            throw TemplateError("set-delimiter tags are not supported", at: location(of: open))
        default:
            kind = .variable
            contentStart = sigilIndex
        }
        // Comments may span lines; other tags must close on the line they open.
        guard let close = find(closer, from: contentStart, acrossLines: kind == .comment) else {
            throw TemplateError("unclosed tag '{{'", at: location(of: open))
        }
        let end = close + closer.count
        var token = TemplateToken(kind: .tag(kind, name: ""), offset: open)
        if kind == .comment { return (token, end) }
        let name = trimmedName(contentStart..<close)
        if name.isEmpty { throw TemplateError("empty tag name", at: location(of: open)) }
        if name.utf8.contains(where: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }) {
            throw TemplateError("invalid tag name '\(name)'", at: location(of: open))
        }
        token.kind = .tag(kind, name: name)
        return (token, end)
    }

    private func find(_ needle: [UInt8], from start: Int, acrossLines: Bool) -> Int? {
        var index = start
        while index + needle.count <= bytes.count {
            if !acrossLines, bytes[index] == UInt8(ascii: "\n") { return nil }
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    private func trimmedName(_ range: Range<Int>) -> String {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isBlank(bytes[lower]) { lower += 1 }
        while upper > lower, isBlank(bytes[upper - 1]) { upper -= 1 }
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    private func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    /// Whether a text token is only spaces and tabs, optionally ending in `\n` or `\r\n`.
    private func isWhitespace(_ range: Range<Int>) -> Bool {
        var upper = range.upperBound
        if upper > range.lowerBound, bytes[upper - 1] == UInt8(ascii: "\n") {
            upper -= 1
            if upper > range.lowerBound, bytes[upper - 1] == UInt8(ascii: "\r") { upper -= 1 }
        }
        return bytes[range.lowerBound..<upper].allSatisfy(isBlank)
    }

    /// Drops each line that holds only standalone-able tags and whitespace (with its newline),
    /// and marks where every other non-empty line starts.
    private func applyStandaloneRule(_ tokens: [TemplateToken]) -> [TemplateToken] {
        var result: [TemplateToken] = []
        result.reserveCapacity(tokens.count + tokens.count / 2)
        var lineStart = 0
        while lineStart < tokens.count {
            var lineEnd = lineStart
            // A line ends after a text token that ends in a newline.
            while lineEnd < tokens.count {
                defer { lineEnd += 1 }
                if case .text(let range) = tokens[lineEnd].kind, bytes[range.upperBound - 1] == UInt8(ascii: "\n") { break }
            }
            let line = tokens[lineStart..<lineEnd]
            var tagCount = 0
            var isStandalone = true
            for token in line {
                switch token.kind {
                case .text(let range): if !isWhitespace(range) { isStandalone = false }
                case .tag(let kind, _):
                    tagCount += 1
                    if !kind.canStandAlone { isStandalone = false }
                case .lineStart: break
                }
            }
            if isStandalone, tagCount > 0 {
                var indentation: [UInt8] = []
                if case .text(let range)? = line.first?.kind, isWhitespace(range) {
                    indentation = Array(bytes[range].prefix(while: isBlank))
                }
                for var token in line {
                    guard case .tag = token.kind else { continue }
                    token.indentation = indentation
                    token.isStandalone = true
                    result.append(token)
                }
            } else {
                if let first = line.first, !isBareNewline(first) {
                    result.append(TemplateToken(kind: .lineStart, offset: first.offset))
                }
                result.append(contentsOf: line)
            }
            lineStart = lineEnd
        }
        return result
    }

    private func isBareNewline(_ token: TemplateToken) -> Bool {
        guard case .text(let range) = token.kind else { return false }
        let text = bytes[range]
        return text.elementsEqual([UInt8(ascii: "\n")]) || text.elementsEqual([UInt8(ascii: "\r"), UInt8(ascii: "\n")])
    }
}
