/// Character references in attribute values, decoded as a browser decodes them, for the sanitiser.
/// Numeric references are decoded fully; named ones from a short table (the ones used to disguise a
/// scheme, such as `&colon;` and `&Tab;`, and common punctuation). An unknown name is left as written
/// and re-escaped, so the browser reads the same text the sanitiser checked.
enum HTMLEntities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "Tab": "\t", "NewLine": "\n",
        "colon": ":", "sol": "/", "num": "#", "quest": "?", "equals": "=", "period": ".", "comma": ",", "semi": ";",
        "lpar": "(", "rpar": ")", "excl": "!", "plus": "+", "lowbar": "_", "percnt": "%", "commat": "@", "dollar": "$",
        "copy": "©", "reg": "®", "hellip": "…", "mdash": "—", "ndash": "–", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”",
    ]

    /// `text` with `&#106;`, `&#x6A;` (the `;` optional) and the named references of the table replaced.
    static func decode(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: "&")) else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "&"), let (scalarText, length) = reference(in: bytes, at: index) else {
                result.append(bytes[index])
                index += 1
                continue
            }
            result += Array(scalarText.utf8)
            index += length
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Whether `bytes` (starting at a `&`) begins `&name;`, `&#123;` or `&#x1F;`: text the browser reads as one character.
    static func startsReference(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex + 1
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "#") { index += 1 }
        if index < bytes.endIndex, bytes[index] | 0x20 == UInt8(ascii: "x"), bytes[index - 1] == UInt8(ascii: "#") { index += 1 }
        let nameStart = index
        while index < bytes.endIndex, index - nameStart < 32, isAlphanumeric(bytes[index]) { index += 1 }
        return index > nameStart && index < bytes.endIndex && bytes[index] == UInt8(ascii: ";")
    }

    /// The text of the reference at `start` and how many bytes it spans.
    private static func reference(in bytes: [UInt8], at start: Int) -> (String, Int)? {
        var index = start + 1
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "#") {
            index += 1
            let isHex = index < bytes.count && bytes[index] | 0x20 == UInt8(ascii: "x")
            if isHex { index += 1 }
            var value: UInt32 = 0
            let digitsStart = index
            while index < bytes.count, let digit = digitValue(bytes[index], hex: isHex) {
                value = min(value &* (isHex ? 16 : 10) &+ digit, 0x110000)
                index += 1
            }
            guard index > digitsStart else { return nil }
            if index < bytes.count, bytes[index] == UInt8(ascii: ";") { index += 1 }
            // NUL, surrogates and values past Unicode become U+FFFD, as in a browser.
            let scalar = value == 0 ? nil : Unicode.Scalar(value)
            return (String(scalar ?? "\u{FFFD}"), index - start)
        }
        let nameStart = index
        while index < bytes.count, index - nameStart < 32, isAlphanumeric(bytes[index]) { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ";"),
              let text = named[String(decoding: bytes[nameStart..<index], as: UTF8.self)]
        else { return nil }
        return (text, index + 1 - start)
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }
}
