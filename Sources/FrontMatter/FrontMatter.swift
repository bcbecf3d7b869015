import DossierCore

/// A Markdown file cut into its YAML front matter and its body.
public struct FrontMatter: Sendable, Hashable {
    /// How the front matter is written.
    public enum Format: Sendable, Hashable {
        /// YAML between `---` lines.
        case yaml
        /// TOML between `+++` lines (Hugo's other form).
        case toml
    }

    /// The YAML (or TOML) between the fences, or nil when the file has none.
    public var yaml: String?
    /// 1-based line of the file where the YAML's first line is.
    public var yamlFirstLine: Int
    /// The Markdown after the closing fence.
    public var body: String
    /// 1-based line of the file where the body starts.
    public var bodyFirstLine: Int
    /// YAML or TOML.
    public var format: Format = .yaml

    /// Creates a split file.
    public init(yaml: String?, yamlFirstLine: Int, body: String, bodyFirstLine: Int, format: Format = .yaml) {
        self.yaml = yaml
        self.yamlFirstLine = yamlFirstLine
        self.body = body
        self.bodyFirstLine = bodyFirstLine
        self.format = format
    }

    /// The front matter's values, whichever way it is written; nil when it is empty.
    public func values() -> Result<YAMLValue?, FrontMatterError> {
        guard let yaml else { return .success(nil) }
        return format == .toml ? TOMLFrontMatter.parse(yaml, firstLine: yamlFirstLine) : YAMLValue.parse(yaml, firstLine: yamlFirstLine)
    }

    /// Splits `text` (already LF-normalised); a front matter must open on line 1 with `---`.
    public static func split(_ text: String) -> Result<FrontMatter, FrontMatterError> {
        if let toml = TOMLFrontMatter.split(text) { return toml }
        guard text.hasPrefix("---\n") || text == "---" || text.hasPrefix("---\r") else {
            return .success(FrontMatter(yaml: nil, yamlFirstLine: 1, body: text, bodyFirstLine: 1))
        }
        // Bytes, not characters: a line feed is always a character of its own, and walking graphemes
        // over every file was a tenth of a large build.
        let utf8 = text.utf8
        guard let openingEnd = utf8.firstIndex(of: UInt8(ascii: "\n")) else {
            return .failure(neverClosed)
        }
        let yamlStart = utf8.index(after: openingEnd)
        var lineStart = yamlStart
        var lineNumber = 2
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            if Self.isClosingDelimiter(utf8[lineStart..<lineEnd]) {
                // The YAML is every line in between, without the line feed before the delimiter.
                let yamlEnd = lineStart == yamlStart ? yamlStart : utf8.index(before: lineStart)
                let bodyStart = lineEnd == utf8.endIndex ? lineEnd : utf8.index(after: lineEnd)
                return .success(FrontMatter(
                    yaml: String(text[yamlStart..<yamlEnd]), yamlFirstLine: 2,
                    body: String(text[bodyStart...]), bodyFirstLine: lineNumber + 1
                ))
            }
            guard lineEnd < utf8.endIndex else { break }
            lineStart = utf8.index(after: lineEnd)
            lineNumber += 1
        }
        return .failure(neverClosed)
    }

    private static var neverClosed: FrontMatterError {
        FrontMatterError(
            position: TextPosition(line: 1, column: 1),
            message: "front matter opened with '---' on line 1 is never closed (add a '---' line after it)"
        )
    }

    /// `---` or `...`, ignoring trailing spaces and tabs.
    private static func isClosingDelimiter(_ line: Substring.UTF8View) -> Bool {
        var end = line.endIndex
        while end > line.startIndex, [UInt8(ascii: " "), UInt8(ascii: "\t")].contains(line[line.index(before: end)]) {
            end = line.index(before: end)
        }
        let trimmed = line[line.startIndex..<end]
        return trimmed.elementsEqual("---".utf8) || trimmed.elementsEqual("...".utf8)
    }
}

/// A problem in front matter, positioned in the file (not in the YAML fragment).
public struct FrontMatterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where, 1-based, in the whole file.
    public var position: TextPosition
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(position: TextPosition, message: String) {
        self.position = position
        self.message = message
    }

    /// The error as a diagnostic for `path`.
    public func diagnostic(path: String) -> Diagnostic {
        .error(message, at: position.located(in: path))
    }

    public var description: String { "\(position.line):\(position.column): \(message)" }
}
