import DossierCore

/// A name as written in a tag, split once at compile time.
enum TemplateName: Sendable {
    /// `{{.}}`: the top of the context stack.
    case implicit
    /// `a.b.c`: `a` is searched up the stack, the rest inside it.
    case dotted(first: String, rest: [String])

    /// Parses `.` or a dotted name; nil when a component is empty (`a..b`, `.a`, `a.`).
    init?(_ text: String) {
        if text == "." {
            self = .implicit
            return
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        self = .dotted(first: first, rest: Array(parts.dropFirst()))
    }
}

/// An interpolation tag.
struct VariableNode: Sendable {
    var name: TemplateName
    /// The name as written, for messages.
    var spelling: String
    var isEscaped: Bool
    /// False inside a section that tests the same name, where missing means "render nothing".
    var isRequired: Bool
    var location: SourceLocation
}

/// A section or inverted section.
struct SectionNode: Sendable {
    var name: TemplateName
    var isInverted: Bool
    var body: [TemplateNode]
}

/// A parent tag: the template to expand and the blocks it overrides.
struct ParentNode: Sendable {
    var template: Int
    /// The line's leading whitespace when the tag is standalone; nil otherwise.
    var indentation: [UInt8]?
    var overrides: [String: [TemplateNode]]
}

/// One step of a compiled template; rendering walks these in order.
enum TemplateNode: Sendable {
    /// Literal bytes.
    case text([UInt8])
    /// The start of a template line: where a standalone partial's indentation goes.
    case lineStart
    case variable(VariableNode)
    case section(SectionNode)
    /// A partial by library index, with its line's leading whitespace when the tag is standalone.
    case partial(template: Int, indentation: [UInt8]?)
    case parent(ParentNode)
    /// A block with its default content.
    case block(name: String, body: [TemplateNode])
}

/// A parsed template ready to render.
struct CompiledTemplate: Sendable {
    var name: String
    var path: String
    var nodes: [TemplateNode]
    /// Partials and parents this template names directly, in source order, with the tag's place.
    var references: [(template: Int, location: SourceLocation)]
}
