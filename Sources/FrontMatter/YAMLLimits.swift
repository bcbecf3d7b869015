import DossierCore

/// Bounds on the YAML dossier reads, checked before Yams sees the text: Yams parses nested collections
/// recursively (5,000 nested `[` overflow the stack) and aliases can make a few hundred bytes stand for
/// billions of values. Front matter and sidecars need a few dozen values a few levels deep.
enum YAMLLimits {
    static let maximumBytes = 256 * 1024
    /// Nesting depth, counting indentation levels, `- ` and `? ` on a line, and open `[`/`{`.
    static let maximumDepth = 64
    /// Values after aliases are expanded.
    static let maximumValues = 100_000

    /// The first limit `yaml` (whose first line is `firstLine` of its file) breaks, as a located error.
    static func check(_ yaml: String, firstLine: Int) -> FrontMatterError? {
        let bytes = Array(yaml.utf8)
        if bytes.count > maximumBytes {
            return FrontMatterError(
                position: TextPosition(line: firstLine, column: 1),
                message: "YAML is \(bytes.count / 1024) KB; front matter and sidecars are limited to \(maximumBytes / 1024) KB (move long text into the body)"
            )
        }
        var scanner = DepthScanner(bytes: bytes)
        guard let deepest = scanner.firstTooDeep(limit: maximumDepth) else { return nil }
        return FrontMatterError(
            position: TextPosition(line: firstLine + deepest.line, column: deepest.column),
            message: "YAML nested more than \(maximumDepth) levels deep here; front matter needs only a few levels"
        )
    }

    static func tooManyValues(at position: TextPosition) -> FrontMatterError {
        FrontMatterError(
            position: position,
            message: "YAML expands to more than \(maximumValues) values (aliases repeating aliases?); write the values out instead"
        )
    }
}

/// A conservative, linear estimate of YAML nesting: it may count a level too many, never too few.
private struct DepthScanner {
    let bytes: [UInt8]
    private var indentStack: [Int] = []
    private var flowDepth = 0
    private var quote: UInt8?

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The 0-based line and 1-based column where the estimate first passes `limit`.
    mutating func firstTooDeep(limit: Int) -> (line: Int, column: Int)? {
        var line = 0
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            if let column = scanLine(lineStart..<lineEnd, limit: limit) { return (line, column) }
            line += 1
            lineStart = lineEnd + 1
        }
        return nil
    }

    /// Scans one line; returns the column where the depth passes `limit`.
    private mutating func scanLine(_ range: Range<Int>, limit: Int) -> Int? {
        var index = range.lowerBound
        if quote == nil, flowDepth == 0 {
            while index < range.upperBound, bytes[index] == UInt8(ascii: " ") { index += 1 }
            let indent = index - range.lowerBound
            if index < range.upperBound, bytes[index] != UInt8(ascii: "#") {
                while let last = indentStack.last, last >= indent { indentStack.removeLast() }
                indentStack.append(indent)
            }
        }
        var compact = 0
        var atValueStart = true
        while index < range.upperBound {
            let byte = bytes[index]
            let column = index - range.lowerBound + 1
            if let open = quote {
                if byte == UInt8(ascii: "\\"), open == UInt8(ascii: "\"") { index += 2; continue }
                if byte == open { quote = nil }
                index += 1
                continue
            }
            let next = index + 1 < range.upperBound ? bytes[index + 1] : UInt8(ascii: " ")
            let followedBySpace = next == UInt8(ascii: " ") || next == UInt8(ascii: "\t")
            if byte == UInt8(ascii: "#"), atValueStart || bytes[index - 1] == UInt8(ascii: " ") {
                return nil
            } else if (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "?")) && atValueStart && followedBySpace
                || byte == UInt8(ascii: ":") && followedBySpace
            {
                compact += 1
                atValueStart = true
            } else if (byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{")) && (atValueStart || flowDepth > 0) {
                flowDepth += 1
                atValueStart = true
            } else if (byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}")) && flowDepth > 0 {
                flowDepth -= 1
            } else if byte == UInt8(ascii: ",") {
                atValueStart = flowDepth > 0
            } else if (byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")) && atValueStart {
                quote = byte
                atValueStart = false
            } else if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") {
                atValueStart = false
            }
            if 2 * indentStack.count + compact + flowDepth > limit { return column }
            index += 1
        }
        return nil
    }
}
