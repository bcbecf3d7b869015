import DossierCore

/// A set of templates parsed and linked together once, ready to render many times.
public struct TemplateLibrary: Sendable {
    /// A template's place in the program and what it includes.
    struct CompiledTemplate: Sendable {
        var name: String
        var path: String
        var entry: Range<Int>
        /// Partials and parents named directly, in source order, with the tag's place.
        var references: [TemplateReference]
    }

    let program: TemplateProgram
    let templates: [CompiledTemplate]
    let indices: [String: Int]

    /// Parses and links every source; throws the first problem, taking templates in name order.
    public init(sources: [TemplateSource]) throws(TemplateError) {
        let sorted = sources.sorted { $0.name < $1.name }
        var indices: [String: Int] = [:]
        for (index, source) in sorted.enumerated() {
            if indices[source.name] != nil {
                throw TemplateError("duplicate template '\(source.name)'", at: SourceLocation(path: source.path, line: 1, column: 1))
            }
            indices[source.name] = index
        }
        var templates: [CompiledTemplate] = []
        templates.reserveCapacity(sorted.count)
        var program = TemplateProgram()
        for source in sorted {
            let parser = TemplateParser(text: source.text, path: source.path, templateIndices: indices)
            let (entry, references) = try parser.compile(into: &program)
            templates.append(CompiledTemplate(name: source.name, path: source.path, entry: entry, references: references))
        }
        program.entries = templates.map(\.entry)
        self.program = program
        self.templates = templates
        self.indices = indices
        try checkForCycles()
    }

    /// Whether a template of this name exists.
    public func contains(_ name: String) -> Bool {
        indices[name] != nil
    }

    /// Renders the named template against `context`, appending UTF-8 bytes to `buffer`.
    public func render(_ name: String, context: TemplateValue, into buffer: inout [UInt8]) throws(TemplateError) {
        var warnings: [TemplateError] = []
        try render(name, context: context, into: &buffer, warnings: &warnings)
    }

    /// Renders as above, adding to `warnings` what did not stop the render (an HTML value escaped), once per tag.
    public func render(_ name: String, context: TemplateValue, into buffer: inout [UInt8], warnings: inout [TemplateError]) throws(TemplateError) {
        guard let index = indices[name] else {
            throw TemplateError("unknown template '\(name)'", at: SourceLocation(path: "templates/\(name).html", line: 1, column: 1))
        }
        try TemplateRenderer.render(templates[index].entry, of: program, context: context, into: &buffer, warnings: &warnings)
    }

    /// Renders the named template against `context` as a string.
    public func render(_ name: String, context: TemplateValue) throws(TemplateError) -> String {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(4096)
        try render(name, context: context, into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Every partial and parent the named template reaches, directly or through others.
    public func dependencies(of name: String) -> Set<String> {
        guard let start = indices[name] else { return [] }
        var seen: Set<Int> = []
        var pending = [start]
        while let index = pending.popLast() {
            for reference in templates[index].references where seen.insert(reference.template).inserted {
                pending.append(reference.template)
            }
        }
        return Set(seen.map { templates[$0].name })
    }
}
