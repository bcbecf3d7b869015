import DossierCore

/// Runs program instructions against a context stack, appending bytes; one per render call.
///
/// The hot tables are read through buffer pointers the caller keeps valid for the whole render,
/// so stepping through instructions retains nothing.
struct TemplateRenderer {
    private let program: TemplateProgram
    private let code: UnsafeBufferPointer<Instruction>
    private let text: UnsafeBufferPointer<UInt8>
    private let names: UnsafeBufferPointer<CompiledName>
    /// Innermost context last.
    private var stack: [TemplateValue]
    /// Prefix for each template line while inside standalone partials and parents.
    private var indentation: [UInt8] = []
    /// Override sets of the parents being expanded, outermost first (the outermost wins).
    private var overrideSets: [Int32] = []

    private init(
        program: TemplateProgram, code: UnsafeBufferPointer<Instruction>, text: UnsafeBufferPointer<UInt8>,
        names: UnsafeBufferPointer<CompiledName>, context: TemplateValue
    ) {
        self.program = program
        self.code = code
        self.text = text
        self.names = names
        stack = [context]
        stack.reserveCapacity(16)
    }

    /// Renders the template whose instructions are `entry`.
    static func render(
        _ entry: Range<Int>, of program: TemplateProgram, context: TemplateValue, into buffer: inout [UInt8]
    ) throws(TemplateError) {
        try program.code.withUnsafeBufferPointer { (code) throws(TemplateError) in
            try program.text.withUnsafeBufferPointer { (text) throws(TemplateError) in
                try program.names.withUnsafeBufferPointer { (names) throws(TemplateError) in
                    var renderer = TemplateRenderer(program: program, code: code, text: text, names: names, context: context)
                    try renderer.run(entry, into: &buffer)
                }
            }
        }
    }

    /// Runs the instructions in `range`; sections and blocks recurse into their bodies.
    private mutating func run(_ range: Range<Int>, into buffer: inout [UInt8]) throws(TemplateError) {
        var pc = range.lowerBound
        while pc < range.upperBound {
            let instruction = code[pc]
            pc += 1
            switch instruction.opcode {
            case .text:
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: text[Int(instruction.a)..<Int(instruction.b)]))
            case .lineStart:
                if !indentation.isEmpty { buffer.append(contentsOf: indentation) }
            case .variable, .rawVariable:
                try interpolate(instruction, into: &buffer)
            case .section:
                let body = pc..<Int(instruction.b)
                pc = body.upperBound
                try runSection(name: Int(instruction.a), body: body, into: &buffer)
            case .invertedSection:
                let body = pc..<Int(instruction.b)
                pc = body.upperBound
                if !(resolve(Int(instruction.a))?.isTruthy ?? false) { try run(body, into: &buffer) }
            case .partial:
                let saved = indentation
                indentation = instruction.b < 0 ? [] : saved + program.indentations[Int(instruction.b)]
                try run(program.entries[Int(instruction.a)], into: &buffer)
                indentation = saved
            case .parent:
                pc = Int(instruction.d)
                let saved = indentation
                indentation = instruction.b < 0 ? [] : saved + program.indentations[Int(instruction.b)]
                overrideSets.append(instruction.c)
                try run(program.entries[Int(instruction.a)], into: &buffer)
                overrideSets.removeLast()
                indentation = saved
            case .block:
                let body = pc..<Int(instruction.b)
                pc = body.upperBound
                guard let override = override(of: instruction.a) else {
                    try run(body, into: &buffer)
                    continue
                }
                // Block indentation is added at the site of expansion.
                let saved = indentation
                if instruction.c >= 0 { indentation = saved + program.indentations[Int(instruction.c)] }
                try run(override, into: &buffer)
                indentation = saved
            }
        }
    }

    /// The body of the outermost override of a block, if any parent overrides it.
    private func override(of block: Int32) -> Range<Int>? {
        for set in overrideSets {
            for candidate in program.overrideSets[Int(set)] where candidate.block == block {
                return Int(candidate.start)..<Int(candidate.end)
            }
        }
        return nil
    }

    private mutating func runSection(name: Int, body: Range<Int>, into buffer: inout [UInt8]) throws(TemplateError) {
        guard let value = resolve(name) else { return }
        switch value {
        case .list(let items):
            for item in items {
                stack.append(item)
                try run(body, into: &buffer)
                stack.removeLast()
            }
        case .bool(let flag):
            if flag { try run(body, into: &buffer) }
        default:
            guard value.isTruthy else { return }
            stack.append(value)
            try run(body, into: &buffer)
            stack.removeLast()
        }
    }

    private func interpolate(_ instruction: Instruction, into buffer: inout [UInt8]) throws(TemplateError) {
        guard let value = resolve(Int(instruction.a)) else {
            if instruction.c != 0 {
                let info = program.variables[Int(instruction.b)]
                throw TemplateError("no value named '\(info.spelling)' in the context", at: info.location)
            }
            return
        }
        switch value {
        case .string(let text):
            if instruction.opcode == .variable { HTMLEscaping.append(text, to: &buffer) } else { buffer.append(contentsOf: text.utf8) }
        case .int(let number):
            buffer.append(contentsOf: String(number).utf8)
        case .bool(let flag):
            buffer.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null:
            break
        case .list:
            let info = program.variables[Int(instruction.b)]
            throw TemplateError("'\(info.spelling)' is a list; iterate it with a section", at: info.location)
        case .object:
            let info = program.variables[Int(instruction.b)]
            throw TemplateError("'\(info.spelling)' is an object; open it with a section", at: info.location)
        }
    }

    /// Finds the first name component from the innermost context outwards, then the rest inside it.
    private func resolve(_ nameID: Int) -> TemplateValue? {
        if names[nameID].isImplicit { return stack.last }
        var index = stack.count - 1
        while index >= 0 {
            if let found = stack[index][names[nameID].first] {
                var value = found
                for component in names[nameID].rest {
                    guard let next = value[component] else { return nil }
                    value = next
                }
                return value
            }
            index -= 1
        }
        return nil
    }
}
