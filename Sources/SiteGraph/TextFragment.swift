/// Text fragment directives (`#p8:~:text=…`): a browser that supports them scrolls to and highlights
/// the quoted words on arrival; one that does not sees an unknown id and the site's script lands on ¶8.
enum TextFragment {
    /// Words beyond which a passage is named by its first and last few words (`text=start,end`).
    static let longPassage = 8
    static let endWords = 4

    /// `:~:text=…&text=…` for each passage, or "" when there are none.
    static func directive(quoting passages: [String]) -> String {
        var seen: Set<String> = []
        let parts = passages.filter { seen.insert($0).inserted }.map { passage -> String in
            let words = passage.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
            guard words.count > longPassage else { return "text=" + encode(words.joined(separator: " ")) }
            return "text=" + encode(words.prefix(endWords).joined(separator: " ")) + "," + encode(words.suffix(endWords).joined(separator: " "))
        }
        return parts.isEmpty ? "" : ":~:" + parts.joined(separator: "&")
    }

    /// Percent-encodes everything but ASCII letters and digits, so `-`, `,` and `&` in the words
    /// never read as the directive's own syntax.
    static func encode(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF")
                result += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])
            }
        }
        return result
    }
}
