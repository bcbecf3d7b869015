import DossierCore
import Foundation
import SiteGraph

/// Characters XML 1.0 forbids (most control characters, U+FFFE, U+FFFF): one of them in a title would
/// make a whole feed unreadable, so feeds leave them out and `check` points at the source that has them.
enum XMLCharacters {
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// `text` without the characters XML forbids.
    static func allowed(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !isAllowed($0) }) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter(isAllowed))
        return String(scalars)
    }

    /// The first forbidden character of `text`, as `U+0001`.
    static func firstForbidden(in text: String) -> String? {
        text.unicodeScalars.first { !isAllowed($0) }.map { "U+" + String(format: "%04X", $0.value) }
    }

    /// The line and column of the first forbidden character in a file's bytes.
    static func firstForbiddenPosition(in bytes: [UInt8]) -> (line: Int, column: Int)? {
        var line = 1
        var column = 1
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            if !isAllowed(scalar) { return (line, column) }
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return nil
    }

    /// Warnings for titles and summaries that hold forbidden characters, at the line of the character in
    /// the source file when it is there as such (else at the top of the file).
    static func findings(in graph: SiteGraph, configPath: String, readSource: (String) -> String?) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        // The site's own title, description and author head every feed.
        var fields: [(path: String, field: String, text: String)] = [
            (configPath, "title", graph.config.title), (configPath, "description", graph.config.description),
        ]
        if let author = graph.config.author { fields.append((configPath, "author", author)) }
        for document in graph.documents {
            fields.append((document.sourcePath, "title", document.title))
            if let summary = document.summary { fields.append((document.sourcePath, "summary", summary)) }
        }
        for (path, field, text) in fields {
            guard let character = firstForbidden(in: text) else { continue }
            findings.append(.warning(
                "the \(field) holds a character XML does not allow (\(character)); feeds leave it out: remove it from the source",
                at: location(of: text, field: field, in: path, readSource: readSource)
            ))
        }
        return findings
    }

    /// Where the character is in the file when it is there as such, else where the field's line writes
    /// it as a YAML escape (`\e`, `\x01`, `\uFFFE`), else the line of the field, else the top of the file.
    private static func location(of text: String, field: String, in path: String, readSource: (String) -> String?) -> SourceLocation {
        guard let source = readSource(path), let forbidden = text.unicodeScalars.first(where: { !isAllowed($0) }) else {
            return SourceLocation(path: path, line: 1, column: 1)
        }
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if let column = Array(line.unicodeScalars).firstIndex(of: forbidden) {
                return SourceLocation(path: path, line: index + 1, column: column + 1)
            }
        }
        guard let fieldIndex = lines.firstIndex(where: { $0.hasPrefix(field + ":") }) else {
            return SourceLocation(path: path, line: 1, column: 1)
        }
        let line = String(lines[fieldIndex])
        let column = yamlEscapes(for: forbidden).compactMap { escape in
            line.range(of: escape).map { line.unicodeScalars.distance(from: line.startIndex, to: $0.lowerBound) + 1 }
        }.min()
        return SourceLocation(path: path, line: fieldIndex + 1, column: column ?? 1)
    }

    /// The ways a double-quoted YAML string can write `scalar`.
    private static func yamlEscapes(for scalar: Unicode.Scalar) -> [String] {
        let named: [UInt32: String] = [0x0: "\\0", 0x7: "\\a", 0x8: "\\b", 0xB: "\\v", 0xC: "\\f", 0x1B: "\\e"]
        var escapes = named[scalar.value].map { [$0] } ?? []
        for (prefix, digits) in [("x", 2), ("u", 4), ("U", 8)] where UInt64(scalar.value) < UInt64(1) << (4 * digits) {
            let hex = String(scalar.value, radix: 16)
            let padded = String(repeating: "0", count: digits - hex.count) + hex
            escapes += ["\\" + prefix + padded, "\\" + prefix + padded.uppercased()]
        }
        return escapes
    }
}

extension String {
    /// Escaped for XML text and attribute values, without the characters XML forbids.
    var xmlEscaped: String { XMLCharacters.allowed(self).htmlEscaped }
}
