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
    static func findings(in graph: SiteGraph, readSource: (String) -> String?) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        var fields: [(path: String, field: String, text: String)] = []
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

    /// Where the character is in the file when it is there as such, else the line of the field (it was
    /// written as a YAML escape), else the top of the file.
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
        let fieldLine = lines.firstIndex { $0.hasPrefix(field + ":") }.map { $0 + 1 } ?? 1
        return SourceLocation(path: path, line: fieldLine, column: 1)
    }
}

extension String {
    /// Escaped for XML text and attribute values, without the characters XML forbids.
    var xmlEscaped: String { XMLCharacters.allowed(self).htmlEscaped }
}
