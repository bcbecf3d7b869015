import DossierCore

/// Shapes of Markdown that cmark-gfm parses in quadratic time, refused before parsing with a located
/// error. Parsing holds the process-wide parse lock (see `CMarkRuntime`), so one such file would stall
/// every other worker: 80,000 `"'` in one paragraph (smart punctuation) took 85 s, a table row of
/// 40,000 `|` 15 s. The limits are far above anything prose needs, and linear to check.
enum MarkdownShape {
    /// Quotation marks (`"` and `'`) in one paragraph, that is between blank lines.
    static let maximumQuotesPerParagraph = 10_000
    /// `|` on one line: a table row of more cells than this is not a table anyone reads.
    static let maximumPipesPerLine = 1_000

    /// The first problem of each kind, with where it shows.
    static func problems(in source: String) -> [MarkdownProblem] {
        var problems: [MarkdownProblem] = []
        var line = 1
        var paragraphQuotes = 0
        var paragraphStart = 1
        var linePipes = 0
        var lineIsBlank = true
        var reportedQuotes = false
        var reportedPipes = false
        for byte in source.utf8 {
            switch byte {
            case UInt8(ascii: "\n"):
                if lineIsBlank {
                    paragraphQuotes = 0
                    paragraphStart = line + 1
                }
                line += 1
                linePipes = 0
                lineIsBlank = true
                continue
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                paragraphQuotes += 1
                if paragraphQuotes > maximumQuotesPerParagraph, !reportedQuotes {
                    reportedQuotes = true
                    problems.append(MarkdownProblem(
                        position: TextPosition(line: paragraphStart, column: 1),
                        message: "this paragraph holds more than \(maximumQuotesPerParagraph) quotation marks, which the Markdown parser cannot handle in reasonable time: split it into paragraphs"
                    ))
                }
            case UInt8(ascii: "|"):
                linePipes += 1
                if linePipes > maximumPipesPerLine, !reportedPipes {
                    reportedPipes = true
                    problems.append(MarkdownProblem(
                        position: TextPosition(line: line, column: 1),
                        message: "this line holds more than \(maximumPipesPerLine) '|', which the Markdown parser cannot handle in reasonable time: a table may have at most \(maximumPipesPerLine) columns"
                    ))
                }
            default:
                break
            }
            if byte != UInt8(ascii: " "), byte != UInt8(ascii: "\t"), byte != UInt8(ascii: "\r") { lineIsBlank = false }
        }
        return problems
    }
}
