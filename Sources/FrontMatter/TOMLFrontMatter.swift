import DossierCore

/// The part of TOML that front matter uses, read into the same values as YAML: `key = value` lines,
/// `[table]` headers, strings, numbers, booleans, dates, arrays and inline tables. Anything else
/// (multi-line strings, `[[arrays of tables]]`, dotted keys) is refused at its line, saying how to
/// convert. A whole TOML library would cost every build minutes for these few forms.
public enum TOMLFrontMatter {
    /// Cuts `+++` … `+++` front matter off `text`; nil when the file does not open with `+++`.
    static func split(_ text: String) -> Result<FrontMatter, FrontMatterError>? {
        guard text.hasPrefix("+++\n") || text == "+++" else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeFirst()
        guard let close = lines.firstIndex(where: { $0.trimmingCharacters(in: " \t") == "+++" }) else {
            return .failure(FrontMatterError(position: TextPosition(line: 1, column: 1),
                                             message: "TOML front matter opened with '+++' on line 1 is never closed (add a '+++' line after it)"))
        }
        let toml = lines[..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return .success(FrontMatter(yaml: toml, yamlFirstLine: 2, body: body, bodyFirstLine: close + 3, format: .toml))
    }

    /// Parses TOML whose first line is line `firstLine` of its file.
    public static func parse(_ toml: String, firstLine: Int) -> Result<YAMLValue?, FrontMatterError> {
        var root: [YAMLEntry] = []
        var tables: [(name: String, position: TextPosition, entries: [YAMLEntry])] = []
        let lines = toml.split(separator: "\n", omittingEmptySubsequences: false)
        var index = 0
        while index < lines.count {
            let number = firstLine + index
            var line = String(lines[index])
            index += 1
            let trimmed = line.trimmingCharacters(in: " \t")
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let indent = line.prefix { $0 == " " || $0 == "\t" }.count
            if trimmed.hasPrefix("[[") {
                return .failure(refusal("arrays of tables ([[…]])", line: number, column: indent + 1))
            }
            if trimmed.hasPrefix("[") {
                guard let close = trimmed.firstIndex(of: "]") else { return .failure(error("a table header needs its closing ']'", line: number, column: indent + 1)) }
                let name = trimmed[trimmed.index(after: trimmed.startIndex)..<close].trimmingCharacters(in: " ")
                guard isBareKey(name) else { return .failure(refusal("dotted or quoted table names", line: number, column: indent + 1)) }
                tables.append((name, TextPosition(line: number, column: indent + 1), []))
                continue
            }
            // An array may go on over several lines: join until its brackets balance.
            while index < lines.count, bracketDepth(line) > 0 {
                line += " " + lines[index]
                index += 1
            }
            var reader = Reader(text: line, line: number)
            reader.skipSpaces()
            let keyColumn = reader.column
            guard let key = reader.key() else { return .failure(error("expected 'key = value'", line: number, column: keyColumn)) }
            reader.skipSpaces()
            if reader.peek == "." { return .failure(refusal("dotted keys (a.b = …)", line: number, column: keyColumn)) }
            guard reader.take("=") else { return .failure(error("expected '=' after '\(key)' (TOML writes key = value)", line: number, column: reader.column)) }
            reader.skipSpaces()
            let value: YAMLValue
            switch reader.value() {
            case .success(let parsed): value = parsed
            case .failure(let problem): return .failure(problem)
            }
            reader.skipSpaces()
            if let rest = reader.peek, rest != "#" {
                return .failure(error("unexpected text after the value of '\(key)'", line: number, column: reader.column))
            }
            let entry = YAMLEntry(key: key, keyPosition: TextPosition(line: number, column: keyColumn), value: value)
            let existing = tables.isEmpty ? root.map(\.key) : tables[tables.count - 1].entries.map(\.key)
            if existing.contains(key) { return .failure(error("duplicate key '\(key)'", line: number, column: keyColumn)) }
            if tables.isEmpty { root.append(entry) } else { tables[tables.count - 1].entries.append(entry) }
        }
        for table in tables {
            guard !root.contains(where: { $0.key == table.name }) else {
                return .failure(FrontMatterError(position: table.position, message: "duplicate key '\(table.name)'"))
            }
            root.append(YAMLEntry(key: table.name, keyPosition: table.position, value: .mapping(table.entries, table.position)))
        }
        return .success(root.isEmpty ? nil : .mapping(root, TextPosition(line: firstLine, column: 1)))
    }

    static func isBareKey(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
    }

    static func error(_ message: String, line: Int, column: Int) -> FrontMatterError {
        FrontMatterError(position: TextPosition(line: line, column: column), message: "TOML front matter: \(message)")
    }

    static func refusal(_ what: String, line: Int, column: Int) -> FrontMatterError {
        error("dossier reads key = value lines, [tables], strings, numbers, booleans, dates and arrays, not \(what); "
              + "write this front matter as YAML between '---' lines instead (key: value)", line: line, column: column)
    }

    private static func bracketDepth(_ line: String) -> Int {
        var depth = 0
        var quote: Character?
        for character in line {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#" {
                break
            } else if character == "[" || character == "{" {
                depth += 1
            } else if character == "]" || character == "}" {
                depth -= 1
            }
        }
        return depth
    }
}
