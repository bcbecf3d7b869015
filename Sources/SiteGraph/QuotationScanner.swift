import DossierCore

/// A sentence of Markdown prose with the passages it puts in double quotation marks and the brief
/// paragraphs it cites; positions are in the body (line 1 is the body's first line).
struct QuotedSentence: Sendable {
    struct Quotation: Sendable {
        /// The words between the marks, as written.
        var text: String
        /// Where the opening mark is.
        var position: TextPosition
    }

    struct Citation: Sendable {
        var briefSlug: String
        var paragraphs: ClosedRange<Int>
        var raw: String
        /// Where `[[` is: the same position the link resolver records.
        var position: TextPosition
    }

    var quotations: [Quotation]
    var citations: [Citation]
    /// Whether the sentence's Markdown paragraph (block) cites brief paragraphs anywhere.
    var blockCites: Bool
}

/// Reads quotations and citations out of a Markdown body, sentence by sentence, without rendering:
/// fenced and indented code, headings and inline code are skipped; list, quote and table markers
/// only start new blocks.
enum QuotationScanner {
    private typealias Block = [(scalar: Unicode.Scalar, position: TextPosition)]

    static func sentences(in body: String) -> [QuotedSentence] {
        // Bytes, not Foundation's `contains`, which folds every body's characters (an eighth of a build).
        guard body.utf8.contains(UInt8(ascii: "\"")) || hasLeftDoubleQuote(body) else { return [] }
        return blocks(of: body).flatMap(sentences(of:))
    }

    /// Whether `text` holds “ (U+201C, E2 80 9C in UTF-8).
    private static func hasLeftDoubleQuote(_ text: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            if byte == 0x9C, previous == (0xE2, 0x80) { return true }
            previous = (previous.1, byte)
        }
        return false
    }

    /// Prose blocks: runs of lines between blank lines, headings, fences and list items.
    private static func blocks(of body: String) -> [Block] {
        var blocks: [Block] = []
        var current: Block = []
        var fence: Substring?
        func end() {
            if !current.isEmpty { blocks.append(current) }
            current = []
        }
        for (lineIndex, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let indent = line.prefix { $0 == " " || $0 == "\t" }.count
            let trimmed = line.dropFirst(indent)
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                end()
                fence = trimmed.prefix(3)
                continue
            }
            if trimmed.isEmpty || (indent >= 4 && current.isEmpty) || trimmed.hasPrefix("#") {
                end()
                continue
            }
            var content = trimmed
            while content.first == ">" { content = content.dropFirst().drop { $0 == " " } }
            if let item = listItemText(content) {
                end()
                content = item
            }
            if content.hasPrefix("|") { end() }
            let startColumn = line.unicodeScalars.count - content.unicodeScalars.count + 1
            if !current.isEmpty { current.append((" ", TextPosition(line: lineIndex + 1, column: startColumn))) }
            for (offset, scalar) in content.unicodeScalars.enumerated() where scalar != "\r" {
                current.append((scalar, TextPosition(line: lineIndex + 1, column: startColumn + offset)))
            }
            if content.hasPrefix("|") { end() }
        }
        end()
        return blocks
    }

    /// The text of a list item's first line, without its marker (`- `, `* `, `+ `, `1. `, `1) `).
    private static func listItemText(_ line: Substring) -> Substring? {
        if let first = line.first, "-*+".contains(first), line.dropFirst().first == " " { return line.dropFirst(2) }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count < 10 else { return nil }
        let rest = line.dropFirst(digits.count)
        guard let marker = rest.first, marker == "." || marker == ")", rest.dropFirst().first == " " else { return nil }
        return rest.dropFirst(2)
    }

    private static func sentences(of block: Block) -> [QuotedSentence] {
        let scalars = block.map(\.scalar)
        var quotations: [(open: Int, close: Int)] = []
        var citations: [(start: Int, citation: QuotedSentence.Citation)] = []
        var openAt: Int?
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "[", index + 1 < scalars.count, scalars[index + 1] == "[",
               let close = closingBrackets(after: index + 2, in: scalars) {
                let raw = String(String.UnicodeScalarView(scalars[index..<close + 2]))
                let inner = String(String.UnicodeScalarView(scalars[index + 2..<close]))
                if case .success(let link) = WikiLink.parse(inner: inner, raw: raw), case .paragraphs(let range)? = link.fragment {
                    citations.append((index, .init(briefSlug: link.target, paragraphs: range, raw: raw, position: block[index].position)))
                }
                index = close + 2
                continue
            }
            if scalar == "`" {
                let run = scalars[index...].prefix { $0 == "`" }.count
                index = closingRun(of: run, after: index + run, in: scalars) ?? index + run
                continue
            }
            if let open = openAt {
                // A quotation closes with its own kind of mark, so "…" may sit inside “…” and the reverse.
                if scalar == (scalars[open] == "“" ? "”" : "\"") {
                    quotations.append((open, index))
                    openAt = nil
                }
            } else if scalar == "“" || scalar == "\"" {
                openAt = index
            }
            index += 1
        }
        let hasCitations = !citations.isEmpty
        let starts = sentenceStarts(scalars, quotations: quotations)
        var sentences = starts.map { _ in QuotedSentence(quotations: [], citations: [], blockCites: hasCitations) }
        func sentenceIndex(_ offset: Int) -> Int { (starts.lastIndex { $0 <= offset } ?? 0) }
        for quotation in quotations {
            let text = String(String.UnicodeScalarView(scalars[quotation.open + 1..<quotation.close]))
            sentences[sentenceIndex(quotation.open)].quotations.append(.init(text: text, position: block[quotation.open].position))
        }
        for (start, citation) in citations { sentences[sentenceIndex(start)].citations.append(citation) }
        return sentences.filter { !$0.quotations.isEmpty }
    }

    /// Offsets where sentences start: after `.`, `!` or `?` (and closing marks) outside any quotation,
    /// followed by a space and a capital, digit or opening mark, unless the dot ends an abbreviation.
    private static func sentenceStarts(_ scalars: [Unicode.Scalar], quotations: [(open: Int, close: Int)]) -> [Int] {
        var starts = [0]
        func insideQuotation(_ offset: Int) -> Bool { quotations.contains { $0.open < offset && offset < $0.close } }
        for (offset, scalar) in scalars.enumerated() where scalar == "." || scalar == "!" || scalar == "?" {
            var end = offset + 1
            while end < scalars.count, closerScalars.contains(scalars[end]) { end += 1 }
            guard end < scalars.count, scalars[end] == " ", !insideQuotation(end) else { continue }
            var next = end
            while next < scalars.count, scalars[next] == " " { next += 1 }
            guard next < scalars.count, startsSentence(scalars[next]) else { continue }
            if scalar == "." {
                let wordStart = (scalars[..<offset].lastIndex(of: " ") ?? -1) + 1
                if Sentences.isAbbreviation(Substring(String(String.UnicodeScalarView(scalars[wordStart..<offset])))) { continue }
            }
            starts.append(next)
        }
        return starts
    }

    private static let closerScalars = Set(Sentences.closers.flatMap(\.unicodeScalars))

    private static func startsSentence(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.properties.isAlphabetic && scalar.properties.isUppercase) || scalar.properties.numericType != nil
            || "\"“‘'([".unicodeScalars.contains(scalar)
    }

    private static func closingBrackets(after start: Int, in scalars: [Unicode.Scalar]) -> Int? {
        var index = start
        while index + 1 < scalars.count {
            if scalars[index] == "]", scalars[index + 1] == "]" { return index }
            index += 1
        }
        return nil
    }

    /// The offset just past the closing run of `count` backticks, if the code span closes.
    private static func closingRun(of count: Int, after start: Int, in scalars: [Unicode.Scalar]) -> Int? {
        var index = start
        while index < scalars.count {
            guard scalars[index] == "`" else { index += 1; continue }
            let run = scalars[index...].prefix { $0 == "`" }.count
            if run == count { return index + run }
            index += run
        }
        return nil
    }
}
