import DossierCore

/// A fast path for the front matter nearly every file has: `key: value` lines with plain or single-quoted
/// one-line values, and lists of such values as `- item` lines under a `key:`. It reads bytes once and
/// builds the same `YAMLValue`, positions included, as the general parser; anything else (comments,
/// blank lines, double quotes, flow or block styles, anchors, tabs, duplicate keys, rare characters)
/// returns nil and goes to Yams, which also reports every error.
enum PlainYAML {
    static func parse(_ yaml: String, lineOffset: Int) -> YAMLValue? {
        var yaml = yaml
        return yaml.withUTF8 { parse(bytes: $0, lineOffset: lineOffset) }
    }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>, lineOffset: Int) -> YAMLValue? {
        guard !bytes.isEmpty else { return nil }
        var entries: [YAMLEntry] = []
        var keys: Set<String> = []
        var pendingKey: (key: String, position: TextPosition)? = nil
        var items: [YAMLValue] = []
        var sequencePosition = TextPosition(line: 0, column: 0)
        var line = lineOffset
        var start = 0
        while start < bytes.count {
            line += 1
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            defer { start = end + 1 }
            var indent = start
            while indent < end, bytes[indent] == UInt8(ascii: " ") { indent += 1 }
            if indent + 1 < end, bytes[indent] == UInt8(ascii: "-"), bytes[indent + 1] == UInt8(ascii: " ") {
                // `- item` under a `key:` whose value is this list.
                guard pendingKey != nil else { return nil }
                var valueStart = indent + 2
                while valueStart < end, bytes[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
                guard let item = scalar(bytes, valueStart, end, position: TextPosition(line: line, column: valueStart - start + 1)) else { return nil }
                if items.isEmpty {
                    sequencePosition = TextPosition(line: line, column: indent - start + 1)
                } else if sequencePosition.column != indent - start + 1 {
                    return nil  // a deeper `- ` would continue the previous item's text
                }
                items.append(item)
                continue
            }
            guard indent == start else { return nil }
            if let key = pendingKey {
                guard !items.isEmpty else { return nil }
                entries.append(YAMLEntry(key: key.key, keyPosition: key.position, value: .sequence(items, sequencePosition)))
                pendingKey = nil
                items = []
            }
            // `key:` then a space and a value, or the end of the line.
            var colon = start
            while colon < end, isKeyByte(bytes[colon]) { colon += 1 }
            guard colon > start, colon < end, bytes[colon] == UInt8(ascii: ":"), isLetter(bytes[start]) else { return nil }
            let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<colon]), as: UTF8.self)
            guard keys.insert(key).inserted else { return nil }
            let keyPosition = TextPosition(line: line, column: 1)
            var valueStart = colon + 1
            guard valueStart == end || bytes[valueStart] == UInt8(ascii: " ") else { return nil }
            while valueStart < end, bytes[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
            if valueStart == end {
                pendingKey = (key, keyPosition)
                continue
            }
            guard let value = scalar(bytes, valueStart, end, position: TextPosition(line: line, column: valueStart - start + 1)) else { return nil }
            entries.append(YAMLEntry(key: key, keyPosition: keyPosition, value: value))
        }
        if let key = pendingKey {
            guard !items.isEmpty else { return nil }
            entries.append(YAMLEntry(key: key.key, keyPosition: key.position, value: .sequence(items, sequencePosition)))
        }
        return .mapping(entries, TextPosition(line: lineOffset + 1, column: 1))
    }

    /// A one-line value from `from` to `to` (leading spaces already skipped): single-quoted, or plain.
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, position: TextPosition) -> YAMLValue? {
        var end = to
        while end > from, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        guard end > from else { return nil }
        if bytes[from] == UInt8(ascii: "'") {
            // `'…'` with `''` for a quote, closed on this line with nothing after it.
            var text: [UInt8] = []
            var index = from + 1
            while index < end {
                let byte = bytes[index]
                if byte == UInt8(ascii: "'") {
                    if index + 1 < end, bytes[index + 1] == UInt8(ascii: "'") {
                        text.append(byte)
                        index += 2
                        continue
                    }
                    guard index + 1 == end else { return nil }
                    return .scalar(String(decoding: text, as: UTF8.self), isQuoted: true, position)
                }
                guard isSafe(bytes, index) else { return nil }
                text.append(byte)
                index += 1
            }
            return nil
        }
        guard isPlainStart(bytes[from]) else { return nil }
        for index in from..<end {
            let byte = bytes[index]
            guard isSafe(bytes, index) else { return nil }
            // `: ` would start a mapping, ` #` a comment; flow and other indicators go to Yams.
            switch byte {
            case UInt8(ascii: ":"):
                if index + 1 == end || bytes[index + 1] == UInt8(ascii: " ") { return nil }
            case UInt8(ascii: "#"):
                if bytes[index - 1] == UInt8(ascii: " ") { return nil }
            case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "\\"):
                return nil
            default:
                break
            }
        }
        return .scalar(String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<end]), as: UTF8.self), isQuoted: false, position)
    }

    /// Printable ASCII, or UTF-8 outside the characters YAML treats specially (U+0080–U+00BF, which holds
    /// NEL and the C1 controls; line and paragraph separators; the byte-order mark; U+FFFE/FFFF).
    private static func isSafe(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 { return byte >= 0x20 && byte != 0x7F }
        if byte == 0xC2 { return false }
        if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { return false }
        if byte == 0xEF, index + 2 < bytes.count, (bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF) || (bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE) {
            return false
        }
        return true
    }

    /// A plain scalar starts with a letter, a digit or a few harmless marks (not an indicator).
    private static func isPlainStart(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "(") || byte == UInt8(ascii: "/") || byte >= 0x80
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }
}
