import Foundation
import DossierCore

/// How a brief's text writes a table: consecutive lines of cells between bars (`| Year | Share |`),
/// as the PDF importer writes the rows it finds aligned in columns. The rows stay one table, one ¶;
/// `Table 1. …` and `Figure 2: …` lines are captions.
enum TableText {
    /// The cells of a `| a | b |` line, or nil for any other line.
    static func cells(_ line: String) -> [String]? {
        guard line.count >= 3, line.hasPrefix("|"), line.hasSuffix("|") else { return nil }
        let cells = line.dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        return cells.count >= 2 ? cells : nil
    }

    /// The rows of a unit made only of table lines, or nil.
    static func rows(of unit: TextUnit) -> [[String]]? {
        let rows = unit.lines.compactMap { cells($0.text) }
        return rows.count == unit.lines.count && !rows.isEmpty ? rows : nil
    }

    /// Consecutive units of table lines (one per row when the text is not hard-wrapped) as one unit.
    static func mergingRows(_ units: [TextUnit]) -> [TextUnit] {
        var result: [TextUnit] = []
        for unit in units {
            if let last = result.last, rows(of: last) != nil, rows(of: unit) != nil {
                result[result.count - 1].lines += unit.lines
            } else {
                result.append(unit)
            }
        }
        return result
    }

    /// `Table 1. …`, `Figure 2: …` and the like: a caption, not prose.
    static func isCaption(_ text: String) -> Bool {
        // Only lines starting with one of the words can match: the rest skip the regex.
        guard captionWords.contains(where: { text.utf8.starts(with: $0.utf8) }) else { return false }
        return text.prefixMatch(of: captionPattern) != nil
    }

    private static let captionWords = ["Table", "Figure", "Fig.", "Chart", "Graph", "Map", "Box", "Exhibit"]
    nonisolated(unsafe) private static let captionPattern = /(?:Table|Figure|Fig\.|Chart|Graph|Map|Box|Exhibit)\s+[0-9]+(?:\.[0-9]+)?[.:]\s/
}
