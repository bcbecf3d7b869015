/// A typed value a template reads: the render context is a tree of these, never reflection.
public enum TemplateValue: Sendable, Hashable {
    /// Text, HTML-escaped by `{{name}}`.
    case string(String)
    /// Markup dossier made (a rendered body): `{{{name}}}` inserts it; `{{name}}` escapes it, with a warning.
    case html(String)
    /// A flag; `true` renders a section once, `false` skips it.
    case bool(Bool)
    /// A whole number, printed in decimal.
    case int(Int)
    /// A sequence a section iterates; empty counts as false.
    case list([TemplateValue])
    /// Named fields a section pushes as a new context.
    case object([String: TemplateValue])
    /// No value: renders as nothing and counts as false.
    case null

    /// Whether a section on this value renders (false, null, empty list and empty string do not).
    var isTruthy: Bool {
        switch self {
        case .bool(let flag): return flag
        case .null: return false
        case .list(let items): return !items.isEmpty
        case .string(let text), .html(let text): return !text.isEmpty
        case .int, .object: return true
        }
    }

    /// The field `name` of an object value; nil for anything else or a missing field.
    public subscript(name: String) -> TemplateValue? {
        if case .object(let fields) = self { return fields[name] }
        return nil
    }
}

extension TemplateValue: ExpressibleByStringLiteral {
    /// A `.string` from a literal.
    public init(stringLiteral value: String) { self = .string(value) }
}

extension TemplateValue: ExpressibleByBooleanLiteral {
    /// A `.bool` from a literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension TemplateValue: ExpressibleByIntegerLiteral {
    /// An `.int` from a literal.
    public init(integerLiteral value: Int) { self = .int(value) }
}

extension TemplateValue: ExpressibleByArrayLiteral {
    /// A `.list` from a literal.
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
}

extension TemplateValue: ExpressibleByDictionaryLiteral {
    /// An `.object` from a literal; a repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension TemplateValue: ExpressibleByNilLiteral {
    /// `.null` from `nil`.
    public init(nilLiteral: ()) { self = .null }
}
