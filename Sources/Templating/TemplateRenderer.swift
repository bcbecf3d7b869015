import DossierCore

/// Walks compiled nodes against a context stack, appending bytes; one per render call.
struct TemplateRenderer {
    private let templates: [CompiledTemplate]
    /// Innermost context last.
    private var stack: [TemplateValue]
    /// Prefix for each template line while inside standalone partials and parents.
    private var indentation: [UInt8] = []
    /// Block overrides of the parents being expanded, outermost first (the outermost wins).
    private var overrides: [[String: [TemplateNode]]] = []

    init(templates: [CompiledTemplate], context: TemplateValue) {
        self.templates = templates
        stack = [context]
        stack.reserveCapacity(16)
    }

    mutating func render(_ nodes: [TemplateNode], into buffer: inout [UInt8]) throws(TemplateError) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                buffer.append(contentsOf: bytes)
            case .lineStart:
                if !indentation.isEmpty { buffer.append(contentsOf: indentation) }
            case .variable(let variable):
                try interpolate(variable, into: &buffer)
            case .section(let section):
                try render(section, into: &buffer)
            case .partial(let template, let lineIndentation):
                let saved = indentation
                indentation = lineIndentation.map { saved + $0 } ?? []
                try render(templates[template].nodes, into: &buffer)
                indentation = saved
            case .parent(let parent):
                let saved = indentation
                indentation = parent.indentation.map { saved + $0 } ?? []
                overrides.append(parent.overrides)
                try render(templates[parent.template].nodes, into: &buffer)
                overrides.removeLast()
                indentation = saved
            case .block(let name, let body):
                var content = body
                for level in overrides {
                    if let override = level[name] {
                        content = override
                        break
                    }
                }
                try render(content, into: &buffer)
            }
        }
    }

    private mutating func interpolate(_ variable: VariableNode, into buffer: inout [UInt8]) throws(TemplateError) {
        guard let value = resolve(variable.name) else {
            if variable.isRequired {
                throw TemplateError("no value named '\(variable.spelling)' in the context", at: variable.location)
            }
            return
        }
        switch value {
        case .string(let text):
            if variable.isEscaped { HTMLEscaping.append(text, to: &buffer) } else { buffer.append(contentsOf: text.utf8) }
        case .int(let number):
            buffer.append(contentsOf: String(number).utf8)
        case .bool(let flag):
            buffer.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null:
            break
        case .list:
            throw TemplateError("'\(variable.spelling)' is a list; iterate it with a section", at: variable.location)
        case .object:
            throw TemplateError("'\(variable.spelling)' is an object; open it with a section", at: variable.location)
        }
    }

    private mutating func render(_ section: SectionNode, into buffer: inout [UInt8]) throws(TemplateError) {
        let value = resolve(section.name) ?? .null
        if section.isInverted {
            if !value.isTruthy { try render(section.body, into: &buffer) }
            return
        }
        switch value {
        case .list(let items):
            for item in items {
                stack.append(item)
                try render(section.body, into: &buffer)
                stack.removeLast()
            }
        case .bool(true):
            try render(section.body, into: &buffer)
        default:
            guard value.isTruthy else { return }
            stack.append(value)
            try render(section.body, into: &buffer)
            stack.removeLast()
        }
    }

    /// Finds the first name component from the innermost context outwards, then the rest inside it.
    private func resolve(_ name: TemplateName) -> TemplateValue? {
        switch name {
        case .implicit:
            return stack.last
        case .dotted(let first, let rest):
            var index = stack.count - 1
            while index >= 0 {
                if case .object(let fields) = stack[index], let found = fields[first] {
                    var value = found
                    for component in rest {
                        guard case .object(let inner) = value, let next = inner[component] else { return nil }
                        value = next
                    }
                    return value
                }
                index -= 1
            }
            return nil
        }
    }
}
