import DossierCore

/// Finds where something read from a cmark text node was written in the source. cmark gives each text
/// node its line and byte column, so a wiki link at byte k of the node's literal is usually at column + k.
/// Smart punctuation, entities and backslash escapes earlier in the same node make the literal longer or
/// shorter than the source, and cmark's columns are off on some continuation lines (lazy ones, table
/// cells), so each guess is checked against the source bytes; a wrong one is corrected by searching the
/// node's line, then its block's lines, on from where the last find on that line ended.
struct SourceLocator {
    private let bytes: [UInt8]
    private let lines: LineIndex
    /// The line last found on, and the byte offset where that find ended.
    private var resume: (line: Int, offset: Int)?
    /// Whether the last find stands after an odd run of backslashes (`\[[x]]`: the author wants the brackets).
    private(set) var lastFindIsEscaped = false

    init(bytes: [UInt8], lines: LineIndex) {
        self.bytes = bytes
        self.lines = lines
    }

    /// The position of `written` (bytes copied from a literal) found at byte `literalOffset` of a text node
    /// that cmark placed at `line`:`column` (bytes, 1-based), inside a block on `blockLines`; nil when the
    /// source holds it nowhere there (a `[[` that entities spelled).
    mutating func locate<Bytes: RandomAccessCollection<UInt8>>(_ written: Bytes, literalOffset: Int, line: Int, column: Int, blockLines: ClosedRange<Int>) -> TextPosition? {
        lastFindIsEscaped = false
        let key = Self.verbatimPrefix(of: written)
        guard !key.isEmpty else { return nil }
        if line >= 1, line <= lines.lineCount, column >= 1 {
            let range = byteRange(ofLine: line)
            let nodeStart = min(range.lowerBound + column - 1, range.upperBound)
            let guess = nodeStart + literalOffset
            if guess + key.count <= range.upperBound, matches(key, at: guess) { return found(key, at: guess, line: line) }
            if let offset = search(key, line: line, from: nodeStart) { return found(key, at: offset, line: line) }
        }
        for number in blockLines where number != line && number >= 1 && number <= lines.lineCount {
            if let offset = search(key, line: number, from: byteRange(ofLine: number).lowerBound) {
                return found(key, at: offset, line: number)
            }
        }
        return nil
    }

    /// The start of `written` that cmark copies from the source unchanged: up to and including the first
    /// `|` (the link's text may hold smart quotes or entities), and no byte that an escape, an entity or
    /// smart punctuation could have produced.
    static func verbatimPrefix<Bytes: RandomAccessCollection<UInt8>>(of written: Bytes) -> Bytes.SubSequence {
        var end = written.startIndex
        while end < written.endIndex {
            let byte = written[end]
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "#"), UInt8(ascii: "_"), UInt8(ascii: " "):
                end = written.index(after: end)
            case UInt8(ascii: "|"):
                return written[written.startIndex...end]
            default:
                return written[written.startIndex..<end]
            }
        }
        return written[written.startIndex..<end]
    }

    private mutating func found<Key: Collection<UInt8>>(_ key: Key, at offset: Int, line: Int) -> TextPosition {
        resume = (line, offset + key.count)
        var backslashes = 0
        while offset - backslashes > 0, bytes[offset - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
        lastFindIsEscaped = backslashes % 2 == 1
        return lines.position(ofUTF8Offset: offset)
    }

    /// The first `key` on `line` at or after `from` and after the last find on that line.
    private func search<Key: Collection<UInt8>>(_ key: Key, line: Int, from: Int) -> Int? {
        let range = byteRange(ofLine: line)
        var offset = max(from, range.lowerBound)
        if let resume, resume.line == line { offset = max(offset, resume.offset) }
        guard let first = key.first else { return nil }
        while offset + key.count <= range.upperBound {
            if bytes[offset] == first, matches(key, at: offset) { return offset }
            offset += 1
        }
        return nil
    }

    private func matches<Key: Collection<UInt8>>(_ key: Key, at offset: Int) -> Bool {
        guard offset >= 0, offset + key.count <= bytes.count else { return false }
        var index = offset
        for byte in key {
            guard bytes[index] == byte else { return false }
            index += 1
        }
        return true
    }

    private func byteRange(ofLine number: Int) -> Range<Int> { lines.utf8Range(ofLine: number) }
}
