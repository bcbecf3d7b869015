import DossierCore

extension TOMLFrontMatter {
    /// Reads the values of one `key = value` line.
    struct Reader {
        private let characters: [Character]
        private var offset = 0
        let line: Int

        init(text: String, line: Int) {
            characters = Array(text)
            self.line = line
        }

        var column: Int { offset + 1 }
        var peek: Character? { offset < characters.count ? characters[offset] : nil }

        mutating func skipSpaces() {
            while let next = peek, next == " " || next == "\t" { offset += 1 }
        }

        mutating func take(_ character: Character) -> Bool {
            guard peek == character else { return false }
            offset += 1
            return true
        }

        private var here: TextPosition { TextPosition(line: line, column: column) }

        /// A bare key or a quoted one.
        mutating func key() -> String? {
            if peek == "\"" || peek == "'" {
                guard case .success(.scalar(let text, _, _)) = string() else { return nil }
                return text
            }
            let start = offset
            while let next = peek, next.isLetter || next.isNumber || next == "_" || next == "-" { offset += 1 }
            return offset > start ? String(characters[start..<offset]) : nil
        }

        mutating func value() -> Result<YAMLValue, FrontMatterError> {
            let position = here
            switch peek {
            case "\"", "'": return string()
            case "[": return array()
            case "{": return inlineTable()
            case nil: return .failure(TOMLFrontMatter.error("a value is missing after '='", line: line, column: column))
            default:
                // Numbers, booleans and dates are kept as written, unquoted, like a plain YAML scalar.
                let start = offset
                while let next = peek, !",]}#".contains(next) { offset += 1 }
                var end = offset
                while end > start, characters[end - 1] == " " || characters[end - 1] == "\t" { end -= 1 }
                offset = end
                let text = String(characters[start..<end])
                let looksLikeValue = text == "true" || text == "false" || text.first.map { $0.isNumber || $0 == "+" || $0 == "-" } == true
                guard !text.isEmpty, looksLikeValue else {
                    return .failure(TOMLFrontMatter.error("'\(text)' is not a TOML value: put text in double quotes (\"\(text)\")", line: line, column: position.column))
                }
                return .success(.scalar(text, isQuoted: false, position))
            }
        }

        private mutating func string() -> Result<YAMLValue, FrontMatterError> {
            let position = here
            guard let quote = peek else { return .failure(TOMLFrontMatter.error("expected a string", line: line, column: column)) }
            if offset + 2 < characters.count, characters[offset + 1] == quote, characters[offset + 2] == quote {
                return .failure(TOMLFrontMatter.refusal("multi-line strings (\(String(repeating: quote, count: 3)))", line: line, column: column))
            }
            offset += 1
            var text = ""
            while let next = peek {
                offset += 1
                if next == quote { return .success(.scalar(text, isQuoted: true, position)) }
                guard next == "\\", quote == "\"" else {
                    text.append(next)
                    continue
                }
                guard let escaped = peek else { break }
                offset += 1
                switch escaped {
                case "n": text.append("\n")
                case "t": text.append("\t")
                case "\"", "\\": text.append(escaped)
                case "u", "U":
                    let length = escaped == "u" ? 4 : 8
                    guard offset + length <= characters.count, let code = UInt32(String(characters[offset..<offset + length]), radix: 16),
                          let scalar = Unicode.Scalar(code)
                    else { return .failure(TOMLFrontMatter.error("'\\\(escaped)' must be followed by \(length) hex digits", line: line, column: column)) }
                    text.unicodeScalars.append(scalar)
                    offset += length
                default:
                    return .failure(TOMLFrontMatter.error("unknown escape '\\\(escaped)' (write \\\\ for a backslash)", line: line, column: column - 1))
                }
            }
            return .failure(TOMLFrontMatter.error("this string is never closed: add \(quote) at its end", line: line, column: position.column))
        }

        private mutating func array() -> Result<YAMLValue, FrontMatterError> {
            let position = here
            offset += 1
            var items: [YAMLValue] = []
            while true {
                skipSpaces()
                if take("]") { return .success(.sequence(items, position)) }
                switch value() {
                case .success(let item): items.append(item)
                case .failure(let problem): return .failure(problem)
                }
                skipSpaces()
                if take(",") { continue }
                if take("]") { return .success(.sequence(items, position)) }
                return .failure(TOMLFrontMatter.error("expected ',' or ']' in this array", line: line, column: column))
            }
        }

        private mutating func inlineTable() -> Result<YAMLValue, FrontMatterError> {
            let position = here
            offset += 1
            var entries: [YAMLEntry] = []
            while true {
                skipSpaces()
                if take("}") { return .success(.mapping(entries, position)) }
                let keyPosition = here
                guard let key = key() else { return .failure(TOMLFrontMatter.error("expected 'key = value' in this inline table", line: line, column: column)) }
                skipSpaces()
                guard take("=") else { return .failure(TOMLFrontMatter.error("expected '=' after '\(key)'", line: line, column: column)) }
                skipSpaces()
                switch value() {
                case .success(let item): entries.append(YAMLEntry(key: key, keyPosition: keyPosition, value: item))
                case .failure(let problem): return .failure(problem)
                }
                skipSpaces()
                if take(",") { continue }
                if take("}") { return .success(.mapping(entries, position)) }
                return .failure(TOMLFrontMatter.error("expected ',' or '}' in this inline table", line: line, column: column))
            }
        }
    }
}
