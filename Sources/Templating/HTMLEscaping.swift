/// Escapes text for HTML element content and quoted attribute values.
enum HTMLEscaping {
    /// Appends `text` as UTF-8 with `& < > " '` replaced by entities.
    static func append(_ text: String, to buffer: inout [UInt8]) {
        // Native strings are contiguous; only a bridged one needs the copying fallback.
        if text.utf8.withContiguousStorageIfAvailable({ append(utf8: $0, to: &buffer) }) == nil {
            var copy = text
            copy.withUTF8 { append(utf8: $0, to: &buffer) }
        }
    }

    private static func append(utf8 bytes: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) {
        var runStart = 0
        for index in 0..<bytes.count {
            let replacement: StaticString
            switch bytes[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            default: continue
            }
            if runStart < index { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            replacement.withUTF8Buffer { buffer.append(contentsOf: $0) }
            runStart = index + 1
        }
        if runStart < bytes.count { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
    }
}
