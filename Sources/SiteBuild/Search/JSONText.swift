/// Writes JSON string literals straight into bytes, for the search index (tens of MB on large sites).
///
/// Same escaping as Foundation's `JSONEncoder` with `.withoutEscapingSlashes`, except that `</` is
/// written `<\/` so the text can never close a `<script>` element.
enum JSONText {
    /// Appends `text` as a quoted JSON string; with `collapsingWhitespace`, runs of whitespace become
    /// one space and leading and trailing whitespace is dropped.
    static func appendString(_ text: String, collapsingWhitespace: Bool = false, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var pendingSpace = false
        var wroteAny = false
        for scalar in text.unicodeScalars {
            if collapsingWhitespace, isWhitespace(scalar) {
                pendingSpace = wroteAny
                continue
            }
            if pendingSpace {
                output.append(UInt8(ascii: " "))
                pendingSpace = false
            }
            wroteAny = true
            appendEscaped(scalar, to: &output)
        }
        output.append(UInt8(ascii: "\""))
    }

    private static func appendEscaped(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        switch scalar {
        case "\"": output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
        case "\\": output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
        case "\n": output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
        case "\r": output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
        case "\t": output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
        case "\u{08}": output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
        case "\u{0C}": output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
        case "/" where output.last == UInt8(ascii: "<"):
            output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "/")])
        default:
            if scalar.value < 0x20 {
                let hex = Array("0123456789abcdef".utf8)
                output.append(contentsOf: Array("\\u00".utf8))
                output.append(hex[Int(scalar.value >> 4)])
                output.append(hex[Int(scalar.value & 0xF)])
            } else {
                UTF8.encode(scalar) { output.append($0) }
            }
        }
    }

    /// Unicode whitespace, with a fast path for ASCII.
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || ("\t"..."\r").contains(scalar) }
        return scalar.properties.isWhitespace
    }
}
