/// Decodes a source file's bytes into text: UTF-8 only, byte-order mark dropped, CRLF and CR made LF.
public enum SourceText {
    /// The largest source file dossier reads; bigger ones are an error, not a slow build.
    public static let maximumSize = 8 * 1024 * 1024

    /// The decoded text, or an error positioned at the first offending byte.
    public static func decode(_ bytes: [UInt8], path: String) -> Result<String, Diagnostic> {
        guard bytes.count <= maximumSize else {
            let size = bytes.count / (1024 * 1024)
            return .failure(.error("file is \(size) MB; source files are limited to \(maximumSize / (1024 * 1024)) MB", at: SourceLocation(path: path, line: 1, column: 1)))
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let nul = body.firstIndex(of: 0) {
            let position = position(of: nul - body.startIndex, in: Array(body))
            return .failure(.error("not a text file (NUL byte)", at: position.located(in: path)))
        }
        guard let text = String(validating: body, as: UTF8.self) else {
            let offset = firstInvalidOffset(Array(body))
            let position = position(of: offset, in: Array(body))
            return .failure(.error("invalid UTF-8 (source files must be UTF-8 text)", at: position.located(in: path)))
        }
        guard body.contains(UInt8(ascii: "\r")) else { return .success(text) }
        return .success(text.replacingLineEndings())
    }

    private static func position(of offset: Int, in bytes: [UInt8]) -> TextPosition {
        let prefix = String(decoding: bytes[..<offset], as: UTF8.self)
        return LineIndex(prefix + " ").position(ofUTF8Offset: prefix.utf8.count)
    }

    /// The offset of the first byte that does not begin or continue a valid UTF-8 sequence.
    private static func firstInvalidOffset(_ bytes: [UInt8]) -> Int {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.count else { return index }
            if String(validating: bytes[index..<index + length], as: UTF8.self) == nil { return index }
            index += length
        }
        return index
    }
}

extension String {
    /// The text with `\r\n` and lone `\r` turned into `\n`.
    fileprivate func replacingLineEndings() -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        var previousWasCR = false
        for scalar in unicodeScalars {
            if scalar == "\r" {
                result.unicodeScalars.append("\n")
                previousWasCR = true
                continue
            }
            if scalar == "\n", previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
