import Templating

/// What the contexts of many pages have in common: for each name, the kinds of value seen, whether
/// some page leaves it empty, and a first example. Made by walking real contexts, so it cannot drift
/// from the code that builds them.
struct ContextShape {
    enum Kind: Int, Comparable {
        case text, html, bool, number, list, object

        static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }

        var label: String {
            switch self {
            case .text: "text"
            case .html: "HTML"
            case .bool: "true/false"
            case .number: "number"
            case .list: "list"
            case .object: "object"
            }
        }
    }

    private(set) var kinds: Set<Kind> = []
    /// Fields of object values, by name.
    private(set) var fields: [String: ContextShape] = [:]
    /// The items of list values, merged.
    private(set) var items: [ContextShape] = []
    /// How many object values were merged (a field seen fewer times is sometimes empty).
    private(set) var objectCount = 0
    /// How many times a value other than null was seen.
    private(set) var valueCount = 0
    private(set) var example: String?

    /// Adds one value; `opaque` values (free-form `extra:`) are recorded without their fields.
    mutating func merge(_ value: TemplateValue, opaque: Bool = false) {
        switch value {
        case .null: return
        case .string(let text): note(.text, example: text)
        case .html(let html): note(.html, example: html)
        case .bool(let flag): note(.bool, example: String(flag))
        case .int(let number): note(.number, example: String(number))
        case .list(let values):
            note(.list, example: nil)
            guard !opaque else { return }
            var item = items.first ?? ContextShape()
            for value in values { item.merge(value) }
            items = [item]
        case .object(let object):
            note(.object, example: nil)
            guard !opaque else { return }
            objectCount += 1
            for (name, field) in object {
                fields[name, default: ContextShape()].merge(field, opaque: name == "extra")
            }
        }
    }

    private mutating func note(_ kind: Kind, example text: String?) {
        kinds.insert(kind)
        valueCount += 1
        if example == nil, let text, !text.isEmpty { example = text }
    }

    /// One line of the reference: a name as templates write it, its type and an example.
    struct Row: Hashable {
        var name: String
        var type: String
        var example: String
    }

    /// Every name inside this object shape, depth first in name order; list items as `list[].name`.
    func rows(prefix: String = "") -> [Row] {
        var rows: [Row] = []
        for name in fields.keys.sorted() {
            guard let field = fields[name] else { continue }
            let path = prefix + name
            rows.append(Row(name: path, type: field.typeLabel(optional: field.valueCount < objectCount, name: name), example: field.exampleLabel))
            if field.kinds.contains(.object) { rows += field.rows(prefix: path + ".") }
            if let item = field.items.first, item.kinds.contains(.object) { rows += item.rows(prefix: path + "[].") }
        }
        return rows
    }

    private func typeLabel(optional: Bool, name: String) -> String {
        var label: String
        if name == "extra" {
            return "object, as written in `extra:`; empty without one"
        } else if kinds.isEmpty {
            return "not set in the sample site"
        } else {
            label = kinds.sorted().map { kind in
                guard kind == .list else { return kind.label }
                guard let item = items.first, !item.kinds.isEmpty else { return "list (empty in the sample site)" }
                return "list of " + item.kinds.sorted().map { $0 == .object ? "objects" : $0.label }.joined(separator: " or ")
            }.joined(separator: " or ")
        }
        return optional ? label + ", may be empty" : label
    }

    private var exampleLabel: String {
        if let example { return Self.shortened(example) }
        if let item = items.first, item.example != nil, !item.kinds.contains(.object) { return Self.shortened(item.example ?? "") }
        return ""
    }

    /// One line of at most 60 characters, safe inside a Markdown table cell.
    static func shortened(_ text: String) -> String {
        var line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        if line.count > 60 { line = String(line.prefix(57)) + "…" }
        return line.replacingOccurrences(of: "|", with: "\\|")
    }
}
