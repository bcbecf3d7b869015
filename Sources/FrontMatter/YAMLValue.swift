import DossierCore
import Yams

/// A YAML value with the file position of every node, so decoding errors can point at them.
public indirect enum YAMLValue: Sendable, Hashable {
    /// A scalar as written (plain, quoted or block), with whether it was quoted.
    case scalar(String, isQuoted: Bool, TextPosition)
    /// A sequence.
    case sequence([YAMLValue], TextPosition)
    /// A mapping with string keys in source order.
    case mapping([YAMLEntry], TextPosition)

    /// Where the value starts in the file.
    public var position: TextPosition {
        switch self {
        case .scalar(_, _, let position), .sequence(_, let position), .mapping(_, let position): position
        }
    }

    /// A short noun for error messages: "text", "a list", "a mapping".
    public var kindDescription: String {
        switch self {
        case .scalar: "a single value"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }

    /// Whether this is an unquoted `null`, `~` or empty scalar.
    public var isNull: Bool {
        if case .scalar(let text, false, _) = self { return ["", "~", "null", "Null", "NULL"].contains(text) }
        return false
    }
}

/// One `key: value` pair of a mapping.
public struct YAMLEntry: Sendable, Hashable {
    /// The key text.
    public var key: String
    /// Where the key is.
    public var keyPosition: TextPosition
    /// The value.
    public var value: YAMLValue
}

extension YAMLValue {
    /// Parses YAML whose first line is line `firstLine` of its file; nil for an empty document.
    public static func parse(_ yaml: String, firstLine: Int) -> Result<YAMLValue?, FrontMatterError> {
        // Small plain front matter (the usual case) skips Yams; 4 KB stays far below every YAMLLimits cap.
        if yaml.utf8.count <= 4096, let plain = PlainYAML.parse(yaml, lineOffset: firstLine - 1) { return .success(plain) }
        return parseWithYams(yaml, firstLine: firstLine)
    }

    /// The general parser, for what `PlainYAML` does not take.
    static func parseWithYams(_ yaml: String, firstLine: Int) -> Result<YAMLValue?, FrontMatterError> {
        let lineOffset = firstLine - 1
        if let error = YAMLLimits.check(yaml, firstLine: firstLine) { return .failure(error) }
        do {
            guard let node = try Yams.compose(yaml: yaml) else { return .success(nil) }
            var budget = YAMLLimits.maximumValues
            return convert(node, lineOffset: lineOffset, budget: &budget).map { Optional($0) }
        } catch let error as YamlError {
            return .failure(describe(error, yaml: yaml, lineOffset: lineOffset))
        } catch {
            return .failure(FrontMatterError(position: TextPosition(line: firstLine, column: 1), message: "malformed YAML: \(error)"))
        }
    }

    private static func position(_ mark: Mark?, lineOffset: Int) -> TextPosition {
        guard let mark else { return TextPosition(line: lineOffset + 1, column: 1) }
        return TextPosition(line: mark.line + lineOffset, column: max(mark.column, 1))
    }

    /// `budget` counts values down: an alias is expanded each time it is used, so a few hundred bytes of
    /// aliases of aliases would otherwise build billions of values.
    private static func convert(_ node: Node, lineOffset: Int, budget: inout Int) -> Result<YAMLValue, FrontMatterError> {
        let here = position(node.mark, lineOffset: lineOffset)
        budget -= 1
        guard budget >= 0 else { return .failure(YAMLLimits.tooManyValues(at: here)) }
        switch node {
        case .scalar(let scalar):
            return .success(.scalar(scalar.string, isQuoted: scalar.style != .plain && scalar.style != .any, here))
        case .sequence(let sequence):
            var items: [YAMLValue] = []
            for item in sequence {
                switch convert(item, lineOffset: lineOffset, budget: &budget) {
                case .success(let value): items.append(value)
                case .failure(let error): return .failure(error)
                }
            }
            return .success(.sequence(items, here))
        case .mapping(let mapping):
            var entries: [YAMLEntry] = []
            var seen: Set<String> = []
            for (keyNode, valueNode) in mapping {
                let keyPosition = position(keyNode.mark, lineOffset: lineOffset)
                guard case .scalar(let keyScalar) = keyNode else {
                    return .failure(FrontMatterError(position: keyPosition, message: "mapping keys must be plain text"))
                }
                guard seen.insert(keyScalar.string).inserted else {
                    return .failure(FrontMatterError(position: keyPosition, message: "duplicate key '\(keyScalar.string)'"))
                }
                switch convert(valueNode, lineOffset: lineOffset, budget: &budget) {
                case .success(let value): entries.append(YAMLEntry(key: keyScalar.string, keyPosition: keyPosition, value: value))
                case .failure(let error): return .failure(error)
                }
            }
            return .success(.mapping(entries, here))
        }
    }

    private static func describe(_ error: YamlError, yaml: String, lineOffset: Int) -> FrontMatterError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let contextText = context.map { " (\($0.text))" } ?? ""
            let here = position(mark, lineOffset: lineOffset)
            if let plain = YAMLPlainWords.explain(problem: problem, yaml: yaml, mark: mark, lineOffset: lineOffset) {
                return FrontMatterError(position: plain.position, message: plain.message)
            }
            return FrontMatterError(position: here, message: "malformed YAML: \(problem)\(contextText)")
        case .reader(let problem, _, _, _):
            return FrontMatterError(position: TextPosition(line: lineOffset + 1, column: 1), message: "unreadable YAML: \(problem)")
        default:
            return FrontMatterError(position: TextPosition(line: lineOffset + 1, column: 1), message: "malformed YAML: \(error)")
        }
    }
}
