extension Sentences {
    /// Every sentence of `text` with the Unicode-scalar offset where the next one starts, so that many
    /// lookups in one text split it once. The same sentences as repeated `splitFirst`, found in one walk
    /// over the bytes: a sentence end is looked for only at `.`, `!` and `?`, and nothing but the
    /// sentences themselves is allocated.
    public static func spans(_ text: String) -> [(end: Int, text: String)] {
        var storage = text
        return storage.withUTF8 { bytes in spans(text, bytes: bytes) }
    }

    private static func spans(_ text: String, bytes: UnsafeBufferPointer<UInt8>) -> [(end: Int, text: String)] {
        var spans: [(end: Int, text: String)] = []
        let count = bytes.count
        let utf8 = text.utf8
        var segment = 0
        var consumed = 0
        var search = 0
        while search < count {
            let byte = bytes[search]
            guard isTerminator(byte) else {
                search += 1
                continue
            }
            let stop = search
            search += 1
            var end = stop + 1
            while end < count, let length = closerLength(bytes, at: end) { end += length }
            guard end < count, bytes[end] == UInt8(ascii: " ") else { continue }
            var next = end + 1
            while next < count, bytes[next] == UInt8(ascii: " ") { next += 1 }
            guard next < count, startsSentence(scalar(bytes, at: next)) else { continue }
            let segmentIndex = utf8.index(utf8.startIndex, offsetBy: segment)
            if bytes[stop] == UInt8(ascii: "."), isAbbreviation(before: utf8.index(utf8.startIndex, offsetBy: stop), in: text[segmentIndex...]) { continue }
            for index in segment..<next where bytes[index] & 0xC0 != 0x80 { consumed += 1 }
            spans.append((consumed, text[segmentIndex..<utf8.index(utf8.startIndex, offsetBy: end)].trimmingCharacters(in: " \n\t")))
            segment = next
            search = next
        }
        spans.append((Int.max, text[utf8.index(utf8.startIndex, offsetBy: segment)...].trimmingCharacters(in: " \n\t")))
        return spans
    }

    /// The length in bytes of the closing quote or bracket at `index` (see `closers`), or nil.
    private static func closerLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        switch bytes[index] {
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ")"), UInt8(ascii: "]"): return 1
        case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xBB: return 2  // »
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0x9D || bytes[index + 2] == 0x99): return 3  // ” ’
        default: return nil
        }
    }

    /// The Unicode scalar starting at `index` (valid UTF-8, as every Swift string is).
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Unicode.Scalar {
        let lead = bytes[index]
        var value: UInt32
        var length: Int
        switch lead {
        case ..<0x80: return Unicode.Scalar(lead)
        case 0xC0..<0xE0: (value, length) = (UInt32(lead & 0x1F), 2)
        case 0xE0..<0xF0: (value, length) = (UInt32(lead & 0x0F), 3)
        default: (value, length) = (UInt32(lead & 0x07), 4)
        }
        for offset in 1..<length where index + offset < bytes.count {
            value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
        }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }
}
