import Foundation
import DossierCore

/// Writes a sidecar YAML skeleton from what the importer detected, for an author to review.
public enum SidecarSkeleton {
    /// The skeleton: metadata as detected, furniture lines as patterns (digits generalised).
    /// `headings` and `notHeadings` pin down what a PDF's type sizes showed.
    public static func yaml(for brief: Brief, detectedFurniture: [String], headings: [String] = [], notHeadings: [String] = []) -> String {
        let metadata = brief.metadata
        var lines = [
            "# Sidecar for \(brief.sourcePath), written by `dossier import`: review every field.",
            "title: \(quoted(metadata.title))",
            "editorial_title: \(metadata.isEditorialTitle)",
        ]
        lines.append(optional("subtitle", metadata.subtitle))
        if metadata.authors.isEmpty {
            lines.append("authors: []")
        } else {
            lines.append("authors:")
            lines += metadata.authors.map { "  - \(quoted($0))" }
        }
        lines.append(optional("publisher", metadata.publisher))
        lines.append(optional("program", metadata.program))
        lines.append(dateLine(metadata.date))
        lines.append(optional("source_url", metadata.sourceURL))
        lines.append("cite_as: \(quoted(metadata.citationLabel))")
        let patterns = uniquePatterns(detectedFurniture)
        if patterns.isEmpty {
            lines.append("furniture: []")
        } else {
            lines.append("# Lines dropped as page furniture (already detected; keep to pin them down).")
            lines.append("furniture:")
            lines += patterns.map { "  - \(quoted($0))" }
        }
        lines.append(list("headings", headings))
        lines.append(list("not_headings", notHeadings))
        lines.append("tags: []")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A regular expression matching a furniture line with any digits: `^[0-9]+ \| Japan Program$`.
    static func pattern(for line: String) -> String {
        var pattern = "^"
        var inDigits = false
        for character in line {
            if character.isASCII, character.isNumber {
                if !inDigits { pattern += "[0-9]+" }
                inDigits = true
                continue
            }
            inDigits = false
            if "\\^$.|?*+()[]{}".contains(character) { pattern.append("\\") }
            pattern.append(character)
        }
        return pattern + "$"
    }

    /// `date: '2024-11'`, or, for a date the build would refuse, a comment holding the text as printed.
    static func dateLine(_ date: String?) -> String {
        guard let date else { return "# date: ''" }
        if let iso = DateReader.iso(date) { return "date: \(quoted(iso))" }
        return "# date: '' -- the brief says \(quoted(date)); write it YYYY-MM-DD or YYYY-MM"
    }

    private static func uniquePatterns(_ lines: [String]) -> [String] {
        var seen: [String] = []
        for line in lines where !line.allSatisfy(\.isNumber) {
            let pattern = pattern(for: line)
            if !seen.contains(pattern) { seen.append(pattern) }
        }
        return seen
    }

    private static func list(_ key: String, _ values: [String]) -> String {
        values.isEmpty ? "\(key): []" : "\(key):\n" + values.map { "  - \(quoted($0))" }.joined(separator: "\n")
    }

    private static func optional(_ key: String, _ value: String?) -> String {
        guard let value else { return "# \(key): ''" }
        return "\(key): \(quoted(value))"
    }

    /// A YAML single-quoted scalar (only `'` needs escaping, as `''`).
    static func quoted(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
