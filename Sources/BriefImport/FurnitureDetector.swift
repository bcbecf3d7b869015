import Foundation

/// Why a line was taken for page furniture rather than text.
enum FurnitureReason: String, Equatable {
    /// A page number on its own or in a running header/footer (`2 | Japan Program`).
    case pageNumber = "page number"
    /// A line that recurs, digits aside, as running headers and footers do.
    case repeated
    /// A phone number, web or mail address, or postal address.
    case contact
    /// A line matched by one of the sidecar's `furniture` patterns.
    case sidecar
    /// A running head that echoes the title with a separator (`Author — Title`).
    case echo = "running head echoing the masthead"
    /// A short line alone at the foot of a page (an imprint or footer).
    case pageFoot = "line alone at a page foot"
    /// A heading-shaped line alone between blanks where the text's headings sit on their text.
    case stray = "heading-shaped line standing apart where headings sit on their text"
}

/// One line found to be furniture, with the page number it shows, if any.
struct Furniture: Equatable {
    var reason: FurnitureReason
    var pageNumber: Int?
}

/// Finds running headers, footers, page numbers and contact lines among the source lines.
///
/// Every furniture line is removed from the text; each run of them marks a page break
/// (see `PageMap`). Lines the sidecar forces as headings are never furniture.
struct FurnitureDetector {
    /// Compiled sidecar patterns.
    var patterns: [NSRegularExpression]
    /// Lines that must stay (sidecar `headings`).
    var protectedLines: Set<String>

    /// Furniture by index into `lines`.
    func detect(in lines: [SourceLine]) -> [Int: Furniture] {
        var found: [Int: Furniture] = [:]
        var keyCounts: [String: Int] = [:]
        for line in lines where !line.isBlank { keyCounts[Self.repetitionKey(line.text), default: 0] += 1 }

        for (index, line) in lines.enumerated() where !line.isBlank && !protectedLines.contains(line.text) {
            if let number = Self.pageNumber(in: line.text) {
                found[index] = Furniture(reason: .pageNumber, pageNumber: number)
            } else if Self.isRunningLine(line.text), keyCounts[Self.repetitionKey(line.text), default: 0] >= 2 {
                found[index] = Furniture(reason: .repeated, pageNumber: nil)
            }
        }
        // Contact lines only count when they stand apart from prose, so a wrapped line that
        // happens to hold a URL is kept.
        for (index, line) in lines.enumerated()
        where found[index] == nil && !line.isBlank && !protectedLines.contains(line.text)
            && Self.looksLikeContact(line.text) && isIsolated(index, in: lines, furniture: found) {
            found[index] = Furniture(reason: .contact, pageNumber: nil)
        }
        // Sidecar patterns last, so a line they pin down keeps its detected reason and page number.
        for (index, line) in lines.enumerated()
        where found[index] == nil && !line.isBlank && !protectedLines.contains(line.text) && matchesSidecar(line.text) {
            found[index] = Furniture(reason: .sidecar, pageNumber: nil)
        }
        return found
    }

    private func matchesSidecar(_ text: String) -> Bool {
        let range = NSRange(text.startIndex..., in: text)
        return patterns.contains { $0.firstMatch(in: text, range: range) != nil }
    }

    /// Whether the neighbours of a line are blank, furniture, or clearly end and start sentences.
    private func isIsolated(_ index: Int, in lines: [SourceLine], furniture: [Int: Furniture]) -> Bool {
        let before = index - 1
        let after = index + 1
        let separatedBefore = before < 0 || lines[before].isBlank || furniture[before] != nil
            || LineShape.endsWithTerminator(lines[before].text)
        let separatedAfter = after >= lines.count || lines[after].isBlank || furniture[after] != nil
            || !LineShape.startsLowercase(lines[after].text)
        return separatedBefore && separatedAfter
    }

    /// The line with every run of digits replaced by `#`, so `2 | X` and `3 | X` compare equal.
    static func repetitionKey(_ text: String) -> String {
        // Each run of digits as one `#`, on bytes (a regex replace per line was slow on long briefs).
        guard text.utf8.contains(where: LineShape.isDigit) else { return text }
        var key: [UInt8] = []
        key.reserveCapacity(text.utf8.count)
        var inDigits = false
        for byte in text.utf8 {
            let isDigit = LineShape.isDigit(byte)
            if !isDigit {
                key.append(byte)
            } else if !inDigits {
                key.append(UInt8(ascii: "#"))
            }
            inDigits = isDigit
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// Whether a line could be a running header or footer: short, not a sentence, not a list item.
    static func isRunningLine(_ text: String) -> Bool {
        text.count <= 100 && LineShape.words(text).count <= 15 && !LineShape.endsWithTerminator(text)
            && LineShape.listItem(text) == nil && text.contains(where: \.isLetter)
    }

    /// The page number shown by a page-number line (`7`, `- 7 -`, `Page 7`, `7 of 9`, `7 | X`, `X | 7`).
    static func pageNumber(in text: String) -> Int? {
        guard text.utf8.contains(where: LineShape.isDigit), LineShape.words(text).count <= 12 else { return nil }
        for pattern in pageNumberPatterns {
            if let match = text.wholeMatch(of: pattern) { return Int(match.1) }
        }
        return nil
    }

    /// `7`, `- 7 -`, `Page 7 (of 9)`, `7 of 9`, `7 | X`, `X | 7`, tried in this order; compiled once.
    nonisolated(unsafe) private static let pageNumberPatterns: [Regex<(Substring, Substring)>] = [
        /[-–—]?\s*([0-9]{1,3})\s*[-–—]?/,
        /(?i)(?:page|p\.)\s*([0-9]{1,3})(?:\s*(?:of|\/)\s*[0-9]{1,3})?/,
        /([0-9]{1,3})\s*(?i:of|\/)\s*[0-9]{1,3}/,
        /([0-9]{1,3})\s*\|\s*\S.*/,
        /.*\S\s*\|\s*(?i:page\s*)?([0-9]{1,3})/,
    ]

    /// Compiled once: building a Regex per line made imports of long briefs slow.
    nonisolated(unsafe) private static let contactPatterns: [Regex<Substring>] = [
        /\(?\b[0-9]{3}\)?[ .\-][0-9]{3}[ .\-][0-9]{4}\b/,
        /\+[0-9]{1,3}[ 0-9.\-()]{6,}[0-9]/,
        /(?i)\b(?:https?:\/\/|www\.)\S+/,
        /(?i)\b[a-z0-9][a-z0-9\-]*\.(?:org|com|net|edu|gov|int|info|io)\b/,
        /\S+@\S+\.[A-Za-z]{2,}/,
        /\b[0-9]{1,5}\s+(?:[A-Z][A-Za-z]*\.?\s+){1,4}(?:Avenue|Ave\.?|Street|St\.?|Road|Rd\.?|Boulevard|Blvd\.?|Lane|Drive|Place|Square)\b/,
        /\b(?:Floor|Suite)\s+[0-9]+\b|\b[0-9]+(?:st|nd|rd|th)\s+Floor\b/,
    ]

    /// Whether a short line holds a phone number, a web or mail address, or a street address.
    static func looksLikeContact(_ text: String) -> Bool {
        guard LineShape.words(text).count <= 15, !text.hasSuffix(".") else { return false }
        return contactPatterns.contains { text.contains($0) }
    }
}
