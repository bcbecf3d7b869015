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
    /// Partials and parents being expanded, one inside the other.
    private var includeDepth = 0
    /// Problems that do not stop the render, once per tag.
    private(set) var warnings: [TemplateError] = []

    /// Partials and parents expanded so far in this render.
    private var includeCount = 0

    /// How deep partials may nest: far more than any page needs, well short of the thread's stack.
    static let maximumIncludeDepth = 100
    /// How many partials one render may expand: a recursion that branches (`{{>p}}{{>p}}` inside `p`)
    /// doubles its work at each level and would take years long before it got 100 deep.
    static let maximumIncludes = 1_000_000

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
        _ entry: Range<Int>, of program: TemplateProgram, context: TemplateValue, into buffer: inout [UInt8],
        warnings: inout [TemplateError]
    ) throws(TemplateError) {
        try program.code.withUnsafeBufferPointer { (code) throws(TemplateError) in
            try program.text.withUnsafeBufferPointer { (text) throws(TemplateError) in
                try program.names.withUnsafeBufferPointer { (names) throws(TemplateError) in
                    var renderer = TemplateRenderer(program: program, code: code, text: text, names: names, context: context)
                    try renderer.run(entry, into: &buffer)
                    warnings += renderer.warnings
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
                try enterInclude(at: pc - 1)
                let saved = indentation
                indentation = instruction.b < 0 ? [] : saved + program.indentations[Int(instruction.b)]
                try run(program.entries[Int(instruction.a)], into: &buffer)
                indentation = saved
                includeDepth -= 1
            case .parent:
                try enterInclude(at: pc - 1)
                pc = Int(instruction.d)
                let saved = indentation
                indentation = instruction.b < 0 ? [] : saved + program.indentations[Int(instruction.b)]
                overrideSets.append(instruction.c)
                try run(program.entries[Int(instruction.a)], into: &buffer)
                overrideSets.removeLast()
                indentation = saved
                includeDepth -= 1
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

    /// Counts one more nested partial or parent; past the limit, the recursion the data should end has not ended.
    private mutating func enterInclude(at instruction: Int) throws(TemplateError) {
        includeDepth += 1
        includeCount += 1
        guard includeDepth <= Self.maximumIncludeDepth else {
            throw TemplateError(
                "partials nest more than \(Self.maximumIncludeDepth) deep here: the data does not end this recursion "
                    + "(give the section that includes it a value that runs out)",
                at: includeLocation(instruction)
            )
        }
        guard includeCount <= Self.maximumIncludes else {
            throw TemplateError(
                "more than \(Self.maximumIncludes) partials rendered for one page, the last here: a recursion that "
                    + "includes itself more than once per level grows too fast; include it once per level",
                at: includeLocation(instruction)
            )
        }
    }

    private func includeLocation(_ instruction: Int) -> SourceLocation {
        program.includeLocations[instruction] ?? SourceLocation(path: "templates", line: 1, column: 1)
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

    private mutating func interpolate(_ instruction: Instruction, into buffer: inout [UInt8]) throws(TemplateError) {
        guard let value = resolve(Int(instruction.a)) else {
            if instruction.c != 0 {
                let info = program.variables[Int(instruction.b)]
                throw TemplateError(missingValueMessage(info.spelling, name: names[Int(instruction.a)]), at: info.location)
            }
            return
        }
        switch value {
        case .string(let text):
            if instruction.opcode == .variable { HTMLEscaping.append(text, to: &buffer) } else { buffer.append(contentsOf: text.utf8) }
        case .html(let text):
            guard instruction.opcode == .variable else {
                buffer.append(contentsOf: text.utf8)
                return
            }
            HTMLEscaping.append(text, to: &buffer)
            let info = program.variables[Int(instruction.b)]
            if !warnings.contains(where: { $0.location == info.location }) {
                warnings.append(TemplateError(
                    "'\(info.spelling)' is HTML, so {{\(info.spelling)}} shows its tags as text; write {{{\(info.spelling)}}} to insert it",
                    at: info.location
                ))
            }
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

    /// Says which names exist where the lookup failed, and the closest one.
    private func missingValueMessage(_ spelling: String, name: CompiledName) -> String {
        var prefix: [String] = []
        var scope: [TemplateValue] = stack
        if let found = stack.last(where: { $0[name.first] != nil })?[name.first] {
            prefix = [name.first]
            var value = found
            for component in name.rest {
                guard let next = value[component] else { break }
                prefix.append(component)
                value = next
            }
            scope = [value]
        }
        var available: Set<String> = []
        for case .object(let fields) in scope { available.formUnion(fields.keys) }
        let spelled = available.sorted().map { (prefix + [$0]).joined(separator: ".") }
        var message = "no value named '\(spelling)' in the context" + Suggestion.didYouMean(spelling, among: spelled)
        message += spelled.isEmpty ? " (no names here)" : " (names here: \(spelled.joined(separator: ", ")))"
        return message
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
