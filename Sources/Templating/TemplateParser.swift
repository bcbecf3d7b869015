import DossierCore

/// Compiles one template's tokens into the shared program, resolving partial and parent names.
struct TemplateParser {
    /// An open section, inverted section, block or parent, or the template itself.
    private struct Frame {
        var kind: TagKind?
        var name: String
        var offset: Int
        /// The opening instruction, patched with the body's end when the frame closes; -1 for an override.
        var instruction = -1
        /// Where an override's body starts.
        var bodyStart = 0
        /// For a standalone override: how many leading blanks each of its lines loses (its first line's).
        var strip = 0
        var overrides: [BlockOverride] = []
    }

    private let scanner: TemplateScanner
    private let templateIndices: [String: Int]

    /// A parser for `text`, which may name the templates in `templateIndices`.
    init(text: String, path: String, templateIndices: [String: Int]) {
        scanner = TemplateScanner(text: text, path: path)
        self.templateIndices = templateIndices
    }

    /// Appends the template's instructions to `program`; returns their range and the partials and
    /// parents named, in source order.
    func compile(into program: inout TemplateProgram) throws(TemplateError) -> (Range<Int>, [TemplateReference]) {
        let start = program.code.count
        var frames = [Frame(kind: nil, name: "", offset: 0)]
        var references: [TemplateReference] = []
        // The text instruction the next text may extend; any other instruction ends the run.
        var openText: Int?
        let tokens = try scanner.scan()
        var afterLineStart = false
        for (position, token) in tokens.enumerated() {
            let insideParent = frames[frames.count - 1].kind == .parent
            defer { if case .lineStart = token.kind { afterLineStart = true } else { afterLineStart = false } }
            if case .text(var range) = token.kind {
                guard !insideParent else { continue }
                // Block indentation is removed at the site of definition.
                if afterLineStart, let strip = frames.last(where: { $0.kind == .block && $0.instruction < 0 })?.strip {
                    var dropped = 0
                    while dropped < strip, range.lowerBound < range.upperBound, isBlank(scanner.bytes[range.lowerBound]) {
                        range = (range.lowerBound + 1)..<range.upperBound
                        dropped += 1
                    }
                }
                if let last = openText, Int(program.code[last].b) == program.text.count {
                    program.text.append(contentsOf: scanner.bytes[range])
                    program.code[last].b = Int32(program.text.count)
                } else {
                    let from = Int32(program.text.count)
                    program.text.append(contentsOf: scanner.bytes[range])
                    openText = program.emit(Instruction(opcode: .text, a: from, b: Int32(program.text.count)))
                }
                continue
            }
            openText = nil
            guard case .tag(let kind, let name) = token.kind else {
                if !insideParent { _ = program.emit(Instruction(opcode: .lineStart)) }
                continue
            }
            let location = scanner.location(of: token.offset)
            if insideParent, kind != .block, kind != .close, kind != .comment {
                throw TemplateError("only blocks may appear inside parent '\(frames[frames.count - 1].name)'", at: location)
            }
            switch kind {
            case .comment:
                break
            case .variable, .raw:
                let required = !frames.contains { ($0.kind == .section || $0.kind == .inverted) && $0.name == name }
                let nameID = program.add(name: try compiledName(name, at: location))
                program.variables.append(VariableInfo(spelling: name, location: location))
                _ = program.emit(Instruction(
                    opcode: kind == .variable ? .variable : .rawVariable,
                    a: nameID, b: Int32(program.variables.count - 1), c: required ? 1 : 0
                ))
            case .section, .inverted:
                let nameID = program.add(name: try compiledName(name, at: location))
                let index = program.emit(Instruction(opcode: kind == .section ? .section : .invertedSection, a: nameID))
                frames.append(Frame(kind: kind, name: name, offset: token.offset, instruction: index))
            case .block:
                var frame = Frame(kind: kind, name: name, offset: token.offset, bodyStart: program.code.count)
                let firstLine = token.isStandalone ? firstLineBlanks(after: position, in: tokens) : nil
                if insideParent {
                    frame.strip = firstLine?.count ?? 0
                } else {
                    // Overrides are indented like the default content's first line, else like the tag,
                    // measured from the enclosing override's own indentation (removed where it is defined).
                    let indentation = token.isStandalone ? relative(firstLine ?? token.indentation, in: frames) : nil
                    frame.instruction = program.emit(Instruction(
                        opcode: .block, a: program.blockID(name), c: program.add(indentation: indentation)
                    ))
                }
                frames.append(frame)
            case .partial:
                let index = try templateIndex(name, role: "partial", at: location)
                references.append(TemplateReference(template: index, location: location, isConditional: isConditional(frames)))
                let indentation = program.add(indentation: token.isStandalone ? relative(token.indentation, in: frames) : nil)
                let instruction = program.emit(Instruction(opcode: .partial, a: Int32(index), b: indentation))
                program.includeLocations[instruction] = location
            case .parent:
                let index = try templateIndex(name, role: "parent", at: location)
                references.append(TemplateReference(template: index, location: location, isConditional: isConditional(frames)))
                let indentation = program.add(indentation: token.isStandalone ? relative(token.indentation, in: frames) : nil)
                let instruction = program.emit(Instruction(opcode: .parent, a: Int32(index), b: indentation))
                program.includeLocations[instruction] = location
                frames.append(Frame(kind: kind, name: name, offset: token.offset, instruction: instruction))
            case .close:
                try close(name, at: location, frames: &frames, program: &program)
            }
        }
        if frames.count > 1 {
            let open = frames[frames.count - 1]
            throw TemplateError("unclosed \(describe(open.kind)) '\(open.name)'", at: scanner.location(of: open.offset))
        }
        return (start..<program.code.count, references)
    }

    private func close(_ name: String, at location: SourceLocation, frames: inout [Frame], program: inout TemplateProgram) throws(TemplateError) {
        guard frames.count > 1 else {
            throw TemplateError("end tag '\(name)' has no open section", at: location)
        }
        let frame = frames.removeLast()
        guard frame.name == name else {
            // The end tag closes an outer section: the inner one was left open, so the error is where it opens.
            if frames.dropFirst().contains(where: { $0.name == name }) {
                throw TemplateError(
                    "unclosed \(describe(frame.kind)) '\(frame.name)': add {{/\(frame.name)}} before the end tag "
                        + "'\(name)' at line \(location.line), column \(location.column)",
                    at: scanner.location(of: frame.offset)
                )
            }
            throw TemplateError("end tag '\(name)' does not match open \(describe(frame.kind)) '\(frame.name)'", at: location)
        }
        let end = Int32(program.code.count)
        switch frame.kind {
        case .parent?:
            program.overrideSets.append(frame.overrides)
            program.code[frame.instruction].c = Int32(program.overrideSets.count - 1)
            program.code[frame.instruction].d = end
        case .block? where frame.instruction < 0:
            // An override inside a parent: its body was emitted in line; the parent skips over it.
            let override = BlockOverride(block: program.blockID(name), start: Int32(frame.bodyStart), end: end)
            frames[frames.count - 1].overrides.removeAll { $0.block == override.block }
            frames[frames.count - 1].overrides.append(override)
        default:
            program.code[frame.instruction].b = end
        }
    }

    /// Indentation written inside a block override, less the blanks the override loses where it is
    /// defined: the override is indented again where it is expanded.
    private func relative(_ indentation: [UInt8], in frames: [Frame]) -> [UInt8] {
        guard let strip = frames.last(where: { $0.kind == .block && $0.instruction < 0 })?.strip, strip > 0 else { return indentation }
        var dropped = 0
        while dropped < strip, dropped < indentation.count, isBlank(indentation[dropped]) { dropped += 1 }
        return Array(indentation[dropped...])
    }

    /// Whether a tag runs only when the data says so (inside a section or inverted section).
    private func isConditional(_ frames: [Frame]) -> Bool {
        frames.contains { $0.kind == .section || $0.kind == .inverted }
    }

    /// The leading blanks of the line that starts right after token `position`, if a text line does.
    private func firstLineBlanks(after position: Int, in tokens: [TemplateToken]) -> [UInt8]? {
        guard position + 2 < tokens.count, case .lineStart = tokens[position + 1].kind,
              case .text(let range) = tokens[position + 2].kind else { return nil }
        return Array(scanner.bytes[range].prefix(while: isBlank))
    }

    private func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    private func compiledName(_ name: String, at location: SourceLocation) throws(TemplateError) -> CompiledName {
        guard let parsed = CompiledName(name) else {
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
