import DossierCore

/// What an instruction does.
enum Opcode: UInt8, Sendable {
    /// Append text bytes `a..<b`.
    case text
    /// A template line starts: append the current standalone-partial indentation.
    case lineStart
    /// Interpolate name `a` (variable info `b`; `c` is 1 when a missing value is an error), escaped.
    case variable
    /// As `variable`, unescaped.
    case rawVariable
    /// Section on name `a`; its body runs to `b`.
    case section
    /// Inverted section on name `a`; its body runs to `b`.
    case invertedSection
    /// Partial template `a`; indentation `b`, or -1 when the tag is not standalone.
    case partial
    /// Parent template `a`; indentation `b` (or -1), override set `c`; the override bodies run to `d`.
    case parent
    /// Block `a` whose default body runs to `b`; an override gets indentation `c` (or none for -1).
    case block
}

/// One step of the flat program: plain integers, so rendering copies nothing reference-counted.
struct Instruction: Sendable {
    var opcode: Opcode
    var a: Int32 = 0
    var b: Int32 = 0
    var c: Int32 = 0
    var d: Int32 = 0
}

/// A name as written in a tag, split once at compile time.
struct CompiledName: Sendable {
    /// `{{.}}`: the top of the context stack.
    var isImplicit: Bool
    /// Searched up the context stack.
    var first: String
    /// Looked up inside the value `first` finds, without climbing.
    var rest: [String]

    /// Parses `.` or a dotted name; nil when a component is empty (`a..b`, `.a`, `a.`).
    init?(_ text: String) {
        if text == "." {
            isImplicit = true
            first = ""
            rest = []
            return
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let head = parts.first, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        isImplicit = false
        first = head
        rest = Array(parts.dropFirst())
    }
}

/// What an interpolation error needs: the name as written and where the tag is.
struct VariableInfo: Sendable {
    var spelling: String
    var location: SourceLocation
}

/// One block replaced by a parent tag: block id and the override body's instruction range.
struct BlockOverride: Sendable {
    var block: Int32
    var start: Int32
    var end: Int32
}

/// Every template of a library compiled into one instruction array with shared side tables.
struct TemplateProgram: Sendable {
    var code: [Instruction] = []
    var text: [UInt8] = []
    var names: [CompiledName] = []
    var variables: [VariableInfo] = []
    var indentations: [[UInt8]] = []
    var overrideSets: [[BlockOverride]] = []
    /// Block names to ids, shared by all templates so overrides match across them.
    var blockIDs: [String: Int32] = [:]
    /// Where each partial and parent tag is, by instruction index (read only to report an error).
    var includeLocations: [Int: SourceLocation] = [:]
    /// Each template's instruction range, by library index.
    var entries: [Range<Int>] = []

    mutating func emit(_ instruction: Instruction) -> Int {
        code.append(instruction)
        return code.count - 1
    }

    mutating func add(name: CompiledName) -> Int32 {
        names.append(name)
        return Int32(names.count - 1)
    }

    mutating func add(indentation: [UInt8]?) -> Int32 {
        guard let indentation else { return -1 }
        indentations.append(indentation)
        return Int32(indentations.count - 1)
    }

    mutating func blockID(_ name: String) -> Int32 {
        if let id = blockIDs[name] { return id }
        let id = Int32(blockIDs.count)
        blockIDs[name] = id
        return id
    }
}

/// A partial or parent tag naming another template.
struct TemplateReference: Sendable {
    /// The named template's library index.
    var template: Int
    var location: SourceLocation
    /// Inside a section or inverted section, so the data decides whether it runs (and can end a recursion).
    var isConditional: Bool
}
