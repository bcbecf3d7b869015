import DossierCore

/// Builds the node tree of one template from its tokens, resolving partial and parent names.
struct TemplateParser {
    /// An open section, inverted section, block or parent, or the template itself.
    private struct Frame {
        var kind: TagKind?
        var name: String
        var offset: Int
        var nodes: [TemplateNode] = []
        var overrides: [String: [TemplateNode]] = [:]
        var parent: Int = 0
        var indentation: [UInt8]?
    }

    private let scanner: TemplateScanner
    private let templateIndices: [String: Int]

    /// A parser for `text`, which may name the templates in `templateIndices`.
    init(text: String, path: String, templateIndices: [String: Int]) {
        scanner = TemplateScanner(text: text, path: path)
        self.templateIndices = templateIndices
    }

    /// The node tree and the partials and parents named, in source order.
    func parse() throws(TemplateError) -> (nodes: [TemplateNode], references: [(template: Int, location: SourceLocation)]) {
        var frames = [Frame(kind: nil, name: "", offset: 0)]
        var references: [(template: Int, location: SourceLocation)] = []
        for token in try scanner.scan() {
            switch token.kind {
            case .text(let range):
                guard frames[frames.count - 1].kind != .parent else { continue }
                appendText(scanner.bytes[range], to: &frames[frames.count - 1].nodes)
            case .lineStart:
                guard frames[frames.count - 1].kind != .parent else { continue }
                frames[frames.count - 1].nodes.append(.lineStart)
            case .tag(let kind, let name):
                let location = scanner.location(of: token.offset)
                if frames[frames.count - 1].kind == .parent, kind != .block, kind != .close, kind != .comment {
                    throw TemplateError("only blocks may appear inside parent '\(frames[frames.count - 1].name)'", at: location)
                }
                switch kind {
                case .comment:
                    break
                case .variable, .raw:
                    let required = !frames.contains { ($0.kind == .section || $0.kind == .inverted) && $0.name == name }
                    let variable = VariableNode(
                        name: try templateName(name, at: location), spelling: name,
                        isEscaped: kind == .variable, isRequired: required, location: location
                    )
                    frames[frames.count - 1].nodes.append(.variable(variable))
                case .section, .inverted:
                    _ = try templateName(name, at: location)
                    frames.append(Frame(kind: kind, name: name, offset: token.offset))
                case .block:
                    frames.append(Frame(kind: kind, name: name, offset: token.offset))
                case .partial:
                    let index = try templateIndex(name, role: "partial", at: location)
                    references.append((index, location))
                    let indentation = token.isStandalone ? token.indentation : nil
                    frames[frames.count - 1].nodes.append(.partial(template: index, indentation: indentation))
                case .parent:
                    let index = try templateIndex(name, role: "parent", at: location)
                    references.append((index, location))
                    var frame = Frame(kind: kind, name: name, offset: token.offset, parent: index)
                    frame.indentation = token.isStandalone ? token.indentation : nil
                    frames.append(frame)
                case .close:
                    try close(name, at: location, frames: &frames)
                }
            }
        }
        if frames.count > 1 {
            let open = frames[frames.count - 1]
            throw TemplateError("unclosed \(describe(open.kind)) '\(open.name)'", at: scanner.location(of: open.offset))
        }
        return (frames[0].nodes, references)
    }

    private func close(_ name: String, at location: SourceLocation, frames: inout [Frame]) throws(TemplateError) {
        guard frames.count > 1 else {
            throw TemplateError("end tag '\(name)' has no open section", at: location)
        }
        let frame = frames.removeLast()
        guard frame.name == name else {
            throw TemplateError("end tag '\(name)' does not match open \(describe(frame.kind)) '\(frame.name)'", at: location)
        }
        let node: TemplateNode
        switch frame.kind {
        case .block?:
            if frames[frames.count - 1].kind == .parent {
                frames[frames.count - 1].overrides[name] = frame.nodes
                return
            }
            node = .block(name: name, body: frame.nodes)
        case .parent?:
            node = .parent(ParentNode(template: frame.parent, indentation: frame.indentation, overrides: frame.overrides))
        default:
            guard let parsed = TemplateName(frame.name) else { return }
            node = .section(SectionNode(name: parsed, isInverted: frame.kind == .inverted, body: frame.nodes))
        }
        frames[frames.count - 1].nodes.append(node)
    }

    /// Appends literal bytes, joining them to a text node just before.
    private func appendText(_ text: ArraySlice<UInt8>, to nodes: inout [TemplateNode]) {
        if case .text(var previous)? = nodes.last {
            nodes.removeLast()
            previous.append(contentsOf: text)
            nodes.append(.text(previous))
        } else {
            nodes.append(.text(Array(text)))
        }
    }

    private func templateName(_ name: String, at location: SourceLocation) throws(TemplateError) -> TemplateName {
        guard let parsed = TemplateName(name) else {
            throw TemplateError("invalid name '\(name)'", at: location)
        }
        return parsed
    }

    private func templateIndex(_ name: String, role: String, at location: SourceLocation) throws(TemplateError) -> Int {
        guard let index = templateIndices[name] else {
            throw TemplateError("unknown \(role) '\(name)'", at: location)
        }
        return index
    }

    private func describe(_ kind: TagKind?) -> String {
        switch kind {
        case .inverted?: return "inverted section"
        case .parent?: return "parent"
        case .block?: return "block"
        default: return "section"
        }
    }
}
