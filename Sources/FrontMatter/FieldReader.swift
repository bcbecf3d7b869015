import DossierCore

/// Reads typed fields out of a YAML mapping, collecting a positioned diagnostic for each problem.
public struct FieldReader {
    private let entries: [String: YAMLEntry]
    private let orderedKeys: [YAMLEntry]
    private let path: String
    private let documentPosition: TextPosition
    /// Problems found so far (errors for wrong types, warnings for unknown keys).
    public private(set) var diagnostics: [Diagnostic] = []
    /// Whether the document is not a mapping at all: one error says so, and missing keys are not reported again.
    private var isMalformed = false

    /// Starts reading `value`, which must be a mapping (or nil for an empty front matter).
    public init(_ value: YAMLValue?, path: String, documentPosition: TextPosition = TextPosition(line: 1, column: 1)) {
        self.path = path
        self.documentPosition = documentPosition
        switch value {
        case .mapping(let entries, _):
            orderedKeys = entries
            self.entries = Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        case .some(let other):
            orderedKeys = []
            entries = [:]
            diagnostics.append(.error("expected 'key: value' lines, found \(other.kindDescription)", at: other.position.located(in: path)))
            isMalformed = true
        case .none:
            orderedKeys = []
            entries = [:]
        }
    }

    /// Warns about every key not in `known`, at the key, naming the key meant: from `synonyms` (the
    /// names other site generators use, `tags` → `topics`) or the closest spelling.
    public mutating func warnAboutUnknownKeys(known: Set<String>, synonyms: [String: String] = [:]) {
        for entry in orderedKeys where !known.contains(entry.key) {
            let list = known.sorted().joined(separator: ", ")
            let hint: String
            if let meant = synonyms[entry.key.lowercased()], known.contains(meant) {
                hint = "; did you mean '\(meant)'? (\(entry.key) is what other site generators call it)"
            } else {
                hint = Suggestion.didYouMean(entry.key, among: Array(known))
            }
            diagnostics.append(.warning("unknown key '\(entry.key)'\(hint) (known keys: \(list))", at: entry.keyPosition.located(in: path)))
        }
    }

    /// Where `key`'s value is, or the document start when the key is absent.
    public func position(of key: String) -> SourceLocation {
        (entries[key]?.value.position ?? documentPosition).located(in: path)
    }

    /// A text field; `required` fields that are missing or empty are errors.
    public mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let entry = entries[key], !entry.value.isNull else {
            if required, !isMalformed { diagnostics.append(.error("missing required key '\(key)'", at: documentPosition.located(in: path))) }
            return nil
        }
        guard case .scalar(let text, _, _) = entry.value else {
            fail(entry, expected: "text")
            return nil
        }
        let trimmed = text.trimmingCharacters(in: " \t\n")
        if required, trimmed.isEmpty {
            diagnostics.append(.error("'\(key)' must not be empty", at: entry.value.position.located(in: path)))
            return nil
        }
        return trimmed
    }

    /// A `true`/`false` field.
    public mutating func bool(_ key: String) -> Bool? {
        guard let entry = entries[key], !entry.value.isNull else { return nil }
        if case .scalar(let text, false, _) = entry.value {
            switch text.lowercased() {
            case "true", "yes": return true
            case "false", "no": return false
            default: break
            }
        }
        if case .scalar(let text, true, _) = entry.value, ["true", "false", "yes", "no"].contains(text.lowercased()) {
            report("'\(entry.key)' must be true or false without quotes: write \(entry.key): \(text.lowercased()) (in quotes it is text, not a yes or no)", at: entry.value.position)
            return nil
        }
        fail(entry, expected: "true or false")
        return nil
    }

    /// A whole-number field.
    public mutating func int(_ key: String) -> Int? {
        guard let entry = entries[key], !entry.value.isNull else { return nil }
        if case .scalar(let text, false, _) = entry.value, let number = Int(text) { return number }
        fail(entry, expected: "a whole number")
        return nil
    }

    /// A `YYYY-MM-DD` date (returned as written, validated).
    public mutating func date(_ key: String) -> String? {
        guard let entry = entries[key], !entry.value.isNull else { return nil }
        if case .scalar(let text, _, _) = entry.value, ISODate.isValid(text) { return text }
        fail(entry, expected: "a date written YYYY-MM-DD")
        return nil
    }

    /// A list of texts; a single scalar is an error (write `[a]` or a `- a` list).
    public mutating func stringList(_ key: String) -> [String]? {
        guard let entry = entries[key], !entry.value.isNull else { return nil }
        guard case .sequence(let items, _) = entry.value else {
            fail(entry, expected: "a list (write '\(key): [a, b]' or one '- a' line per item)")
            return nil
        }
        var result: [String] = []
        for item in items {
            guard case .scalar(let text, _, _) = item else {
                diagnostics.append(.error("'\(key)' items must be text, found \(item.kindDescription)", at: item.position.located(in: path)))
                return nil
            }
            result.append(text)
        }
        return result
    }

    /// A list of texts with the position of each item (for checking items one by one).
    public func positionedList(_ key: String) -> [(text: String, location: SourceLocation)] {
        guard case .sequence(let items, _)? = entries[key]?.value else { return [] }
        return items.compactMap { item in
            guard case .scalar(let text, _, let position) = item else { return nil }
            return (text, position.located(in: path))
        }
    }

    /// The raw value of a key, for nested structures a caller decodes itself.
    public func value(_ key: String) -> YAMLValue? {
        entries[key]?.value
    }

    /// Where `key` itself is written (the document start when absent).
    public func keyPosition(of key: String) -> SourceLocation {
        (entries[key]?.keyPosition ?? documentPosition).located(in: path)
    }

    /// Records a warning at a location.
    public mutating func warn(_ message: String, at location: SourceLocation) {
        diagnostics.append(.warning(message, at: location))
    }

    /// Records an error about a field's value.
    public mutating func report(_ message: String, at position: TextPosition) {
        diagnostics.append(.error(message, at: position.located(in: path)))
    }

    private mutating func fail(_ entry: YAMLEntry, expected: String) {
        let found: String
        if case .scalar(let text, _, _) = entry.value { found = "'\(text)'" } else { found = entry.value.kindDescription }
        diagnostics.append(.error("'\(entry.key)' must be \(expected), found \(found)", at: entry.value.position.located(in: path)))
    }
}

/// Validation of `YYYY-MM-DD` dates.
public enum ISODate {
    /// Whether `text` is a real calendar date written `YYYY-MM-DD`.
    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1
        else { return false }
        let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }
}
