import DossierCore

/// A Markdown file cut into its YAML front matter and its body.
public struct FrontMatter: Sendable, Hashable {
    /// The YAML between the `---` fences, or nil when the file has none.
    public var yaml: String?
    /// 1-based line of the file where the YAML's first line is.
    public var yamlFirstLine: Int
    /// The Markdown after the closing fence.
    public var body: String
    /// 1-based line of the file where the body starts.
    public var bodyFirstLine: Int

    /// Splits `text` (already LF-normalised); a front matter must open on line 1 with `---`.
    public static func split(_ text: String) -> Result<FrontMatter, FrontMatterError> {
        guard text.hasPrefix("---\n") || text == "---" || text.hasPrefix("---\r") else {
            return .success(FrontMatter(yaml: nil, yamlFirstLine: 1, body: text, bodyFirstLine: 1))
        }
        var lineNumber = 1
        var yamlLines: [Substring] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
        while let line = lines.first {
            lines = lines.dropFirst()
            lineNumber += 1
            let trimmed = line.trimmingTrailingSpaces()
            if trimmed == "---" || trimmed == "..." {
                let body = lines.joined(separator: "\n")
                return .success(FrontMatter(
                    yaml: yamlLines.joined(separator: "\n"), yamlFirstLine: 2, body: body, bodyFirstLine: lineNumber + 1
                ))
            }
            yamlLines.append(line)
        }
        return .failure(FrontMatterError(
            position: TextPosition(line: 1, column: 1),
            message: "front matter opened with '---' on line 1 is never closed (add a '---' line after it)"
        ))
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

extension Substring {
    fileprivate func trimmingTrailingSpaces() -> Substring {
        var slice = self
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return slice
    }
}
