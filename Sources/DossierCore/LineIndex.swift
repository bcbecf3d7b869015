/// Converts UTF-8 byte offsets in a text to 1-based line and character columns.
public struct LineIndex: Sendable {
    private let utf8: [UInt8]
    private let lineStarts: [Int]
    /// `characterCounts[k]` is how many characters start before byte `k * checkpointStride`, so a column
    /// costs at most one stride of counting, however long the line (100,000 links on one line were quadratic).
    private let characterCounts: [Int]
    private static let checkpointStride = 256

    /// Indexes the line starts of `text` (a line ends at `\n`; `\r\n` counts as one break).
    public init(_ text: String) {
        utf8 = Array(text.utf8)
        var starts = [0]
        var counts: [Int] = []
        counts.reserveCapacity(utf8.count / Self.checkpointStride + 1)
        var characters = 0
        for (offset, byte) in utf8.enumerated() {
            if offset % Self.checkpointStride == 0 { counts.append(characters) }
            if byte & 0xC0 != 0x80 { characters += 1 }
            if byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        }
        if utf8.count % Self.checkpointStride == 0 { counts.append(characters) }
        lineStarts = starts
        characterCounts = counts
    }

    /// How many characters start before byte `offset` (continuation bytes, 10xxxxxx, start none).
    private func characters(before offset: Int) -> Int {
        let checkpoint = offset / Self.checkpointStride
        var count = characterCounts[checkpoint]
        var index = checkpoint * Self.checkpointStride
        while index < offset {
            if utf8[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }

    /// Number of lines in the text.
    public var lineCount: Int { lineStarts.count }

    /// The position of a UTF-8 byte offset; offsets past the end clamp to the end.
    public func position(ofUTF8Offset offset: Int) -> TextPosition {
        let clamped = max(0, min(offset, utf8.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        let lineStart = lineStarts[low]
        // Count characters, not bytes.
        var column = 1 + characters(before: clamped) - characters(before: lineStart)
        if clamped > lineStart, clamped < utf8.count, utf8[clamped] & 0xC0 == 0x80 { column -= 1 }
        return TextPosition(line: low + 1, column: column)
    }

    /// The UTF-8 offset where a 1-based line starts (the text's end past the last line).
    public func utf8Offset(ofLine number: Int) -> Int {
        guard number >= 1 else { return 0 }
        return number <= lineStarts.count ? lineStarts[number - 1] : utf8.count
    }

    /// The text of a 1-based line, without its line break; empty past the end.
    public func line(_ number: Int) -> Substring {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : utf8.count
        if end > start, utf8[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return Substring(decoding: utf8[start..<max(start, end)], as: UTF8.self)
    }
}
