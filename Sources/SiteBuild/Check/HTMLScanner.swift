import DossierCore
import Foundation

/// A deliberately small scanner for the HTML dossier itself writes: tags, their attributes and positions.
struct HTMLScanner {
    struct Tag {
        var name: String
        var attributes: [String: String]
        var offset: Int
    }

    /// Every start tag in document order (comments, scripts' bodies and end tags skipped).
    static func tags(in html: [UInt8]) -> [Tag] {
        var tags: [Tag] = []
        var index = 0
        let count = html.count
        while index < count {
            guard html[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            if html[index...].starts(with: Array("<!--".utf8)) {
                index = find(Array("-->".utf8), in: html, from: index + 4).map { $0 + 3 } ?? count
                continue
            }
            let start = index
            index += 1
            guard index < count, isNameByte(html[index]) else { continue }
            var name = ""
            while index < count, isNameByte(html[index]) {
                name.unicodeScalars.append(Unicode.Scalar(lowercase(html[index])))
                index += 1
            }
            var attributes: [String: String] = [:]
            while index < count, html[index] != UInt8(ascii: ">") {
                if isSpace(html[index]) || html[index] == UInt8(ascii: "/") {
                    index += 1
                    continue
                }
                var attributeName = ""
                while index < count, !isSpace(html[index]), html[index] != UInt8(ascii: "="), html[index] != UInt8(ascii: ">") {
                    attributeName.unicodeScalars.append(Unicode.Scalar(lowercase(html[index])))
                    index += 1
                }
                var value = ""
                if index < count, html[index] == UInt8(ascii: "=") {
                    index += 1
                    if index < count, html[index] == UInt8(ascii: "\"") || html[index] == UInt8(ascii: "'") {
                        let quote = html[index]
                        let valueStart = index + 1
                        let end = html[valueStart...].firstIndex(of: quote) ?? count
                        value = String(decoding: html[valueStart..<end], as: UTF8.self)
                        index = min(end + 1, count)
                    } else {
                        let valueStart = index
                        while index < count, !isSpace(html[index]), html[index] != UInt8(ascii: ">") { index += 1 }
                        value = String(decoding: html[valueStart..<index], as: UTF8.self)
                    }
                }
                if !attributeName.isEmpty, attributes[attributeName] == nil { attributes[attributeName] = decodeEntities(value) }
            }
            tags.append(Tag(name: name, attributes: attributes, offset: start))
            index += 1
            if name == "script" || name == "style" {
                index = find(Array("</\(name)".utf8), in: html, from: index) ?? count
            }
        }
        return tags
    }

    /// The text between `<title>` and `</title>`.
    static func title(in html: [UInt8]) -> String? {
        guard let start = find(Array("<title>".utf8), in: html, from: 0),
              let end = find(Array("</title>".utf8), in: html, from: start)
        else { return nil }
        return String(decoding: html[(start + 7)..<end], as: UTF8.self)
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    private static func lowercase(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
    }
}
