/// Converts UTF-8 byte offsets in a text to 1-based line and character columns.
public struct LineIndex: Sendable {
    private let utf8: [UInt8]
    private let lineStarts: [Int]

    /// Indexes the line starts of `text` (a line ends at `\n`; `\r\n` counts as one break).
    public init(_ text: String) {
        utf8 = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in utf8.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        lineStarts = starts
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
        // Count characters, not bytes: continuation bytes (10xxxxxx) do not start a character.
        var column = 1
        var index = lineStart
        while index < clamped {
            if utf8[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        if clamped > lineStart, clamped < utf8.count, utf8[clamped] & 0xC0 == 0x80 { column -= 1 }
        return TextPosition(line: low + 1, column: column)
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
