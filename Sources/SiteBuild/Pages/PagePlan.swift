import DossierCore
import Templating

/// One page to render: where it goes, which template renders it, and with what values.
struct PagePlan: Sendable {
    /// Output location.
    var route: Route
    /// Template name, e.g. `topic`.
    var template: String
    /// The values the template sees.
    var context: TemplateValue
    /// The source files whose content appears on the page (for incremental rebuilds).
    var sources: Set<String>
}

/// A mutable dictionary that becomes a template object.
struct ContextBuilder {
    private(set) var values: [String: TemplateValue] = [:]

    init() {}

    subscript(key: String) -> String? {
        get { nil }
        set { values[key] = newValue.map(TemplateValue.string) ?? .null }
    }

    mutating func set(_ key: String, _ value: TemplateValue) { values[key] = value }
    mutating func set(_ key: String, _ value: Bool) { values[key] = .bool(value) }
    mutating func set(_ key: String, _ value: Int) { values[key] = .int(value) }
    mutating func set(_ key: String, list: [TemplateValue]) { values[key] = .list(list) }

    /// Sets a list and `has<Key>` (true when it is not empty), so templates can wrap a list in a heading.
    mutating func set(_ key: String, objects: [ContextBuilder]) {
        values[key] = .list(objects.map(\.value))
        values["has" + key.prefix(1).uppercased() + key.dropFirst()] = .bool(!objects.isEmpty)
        values[key + "Count"] = .int(objects.count)
    }

    var value: TemplateValue { .object(values) }
}

extension TemplateValue {
    /// A text value, or null for nil.
    static func text(_ string: String?) -> TemplateValue {
        string.map(TemplateValue.string) ?? .null
    }
}
