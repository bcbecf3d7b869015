/// How many words a text has, as reading time counts them: runs of characters that are not
/// whitespace (`split(whereSeparator: \.isWhitespace)`), counted on bytes.
public enum WordCount {
    public static func of(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            var inWord = false
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let isSpace: Bool
                if byte < 0x80 {
                    index += 1
                    isSpace = byte == 0x20 || byte &- 0x09 < 5
                } else {
                    let end = min(index + UTF8Scalar.length(lead: byte), bytes.count)
                    let scalar = UTF8Scalar.decode(bytes[index..<end])
                    index = end
                    // A scalar that can join the character before it (a mark, a joiner, a spacing
                    // vowel) or a line separator: characters, not scalars, decide; count those texts
                    // the slow way.
                    guard let scalar, Self.standsAlone(scalar) else { return slowCount(String(decoding: bytes, as: UTF8.self)) }
                    isSpace = scalar.properties.isWhitespace
                }
                if !isSpace, !inWord { count += 1 }
                inWord = !isSpace
            }
            return count
        }
    }

    /// The definition.
    static func slowCount(_ text: String) -> Int {
        text.split(whereSeparator: \.isWhitespace).count
    }

    /// Scalars that always start a character of their own and are never joined to a neighbour:
    /// cased letters, digits, punctuation, math, currency and other symbols, and spaces.
    private static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .decimalNumber, .letterNumber, .otherNumber,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .otherSymbol, .spaceSeparator:
            true
        default:
            false
        }
    }
}
