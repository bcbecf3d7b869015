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
    func compile(into program: inout TemplateProgram) throws(TemplateError) -> (Range<Int>, [(template: Int, location: SourceLocation)]) {
        let start = program.code.count
        var frames = [Frame(kind: nil, name: "", offset: 0)]
        var references: [(template: Int, location: SourceLocation)] = []
        // The text instruction the next text may extend; any other instruction ends the run.
        var openText: Int?
        for token in try scanner.scan() {
            let insideParent = frames[frames.count - 1].kind == .parent
            if case .text(let range) = token.kind {
                guard !insideParent else { continue }
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
                if !insideParent {
                    frame.instruction = program.emit(Instruction(opcode: .block, a: program.blockID(name)))
                }
                frames.append(frame)
            case .partial:
                let index = try templateIndex(name, role: "partial", at: location)
                references.append((index, location))
                let indentation = program.add(indentation: token.isStandalone ? token.indentation : nil)
                _ = program.emit(Instruction(opcode: .partial, a: Int32(index), b: indentation))
            case .parent:
                let index = try templateIndex(name, role: "parent", at: location)
                references.append((index, location))
                let indentation = program.add(indentation: token.isStandalone ? token.indentation : nil)
                let instruction = program.emit(Instruction(opcode: .parent, a: Int32(index), b: indentation))
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
