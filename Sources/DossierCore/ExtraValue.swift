/// A free-form value from `extra:` in front matter or `site.yml`, handed to templates as written.
public indirect enum ExtraValue: Sendable, Hashable {
    case text(String)
    case list([ExtraValue])
    /// Keys in the order written.
    case map([(key: String, value: ExtraValue)])

    public static func == (lhs: ExtraValue, rhs: ExtraValue) -> Bool {
        switch (lhs, rhs) {
        case let (.text(a), .text(b)): a == b
        case let (.list(a), .list(b)): a == b
        case let (.map(a), .map(b)): a.map(\.key) == b.map(\.key) && a.map(\.value) == b.map(\.value)
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .text(let text): hasher.combine(0); hasher.combine(text)
        case .list(let items): hasher.combine(1); hasher.combine(items)
        case .map(let entries):
            hasher.combine(2)
            for entry in entries {
                hasher.combine(entry.key)
                hasher.combine(entry.value)
            }
        }
    }
}
