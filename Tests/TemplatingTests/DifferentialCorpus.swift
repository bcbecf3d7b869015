import Templating

/// Random templates, partials and contexts that both engines define identically.
///
/// Both engines escape `& < > " '` the same way (`&#39;` for `'`), so outputs are compared as they are.
/// The generator stays inside the common ground: names it references always exist; every key name has
/// one kind everywhere (so shadowing never changes a type); sections and their end tags are either both
/// standalone or both inline; a content line always holds text or an interpolation; values hold no
/// newlines; indented standalone partials hold no list sections (swift-mustache loses the indentation
/// between iterations); blocks sit at column 0 with unindented content (swift-mustache re-indents them);
/// partials and layouts use only plain root names, since they render inside any context; indented
/// partials start with a content line.
struct DifferentialCorpus {
    /// What a context key holds; each key name has one kind wherever it appears.
    indirect enum Shape {
        case string, int, bool, strings, emptyList
        case objects([String: Shape])
        case object([String: Shape])

        var isScalar: Bool {
            switch self {
            case .string, .int, .bool: return true
            default: return false
            }
        }
    }

    /// One level of the context stack as the generator sees it.
    enum Frame {
        case fields([String: Shape])
        case scalar
    }

    /// One generated case.
    struct Case {
        var templates: [String: String]
        var context: TemplateValue
    }

    private static let stringKeys = ["title", "name", "note"]
    private static let intKeys = ["count", "year"]
    private static let boolKeys = ["flag", "draft", "open"]
    private static let containerKeys = ["tags", "items", "rows", "meta", "author", "none"]
    private static let words = ["Ada", "a & b", "<em>hi</em>", "\"quoted\"", "it's", "Zürich", "x", " spaced ", "1 < 2 > 0"]
    private static let textPieces = ["<p>", "</p>", "a", "Hello", " ", "&amp;", "—", "é", "x=1;", "\t", "<li class=\"c\">", "'"]

    private var random: SplitMix64
    private var rootShape: [String: Shape] = [:]

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    /// Generates the case: `main` plus partials `p1`, `p2` (indentable) and `partials/p3`, and a `layout`.
    mutating func makeCase() -> Case {
        rootShape = makeFields(depth: 0)
        for key in ["title", "flag", "count"] where rootShape[key] == nil {
            rootShape[key] = key == "title" ? .string : key == "flag" ? .bool : .int
        }
        let context = makeValue(.object(rootShape))
        var templates: [String: String] = [:]
        templates["p1"] = makeIndentablePartial()
        templates["p2"] = makeIndentablePartial()
        templates["partials/p3"] = inlineRun(frames: [.fields(rootShape)], depth: 2, mode: .partial)
        templates["layout"] = makeLayout()
        templates["main"] = random.chance(30) ? makeChildOfLayout() : lines(count: 2 + random.below(5), frames: [.fields(rootShape)], depth: 0, mode: .main)
        return Case(templates: templates, context: context)
    }

    // MARK: - Context

    private mutating func makeFields(depth: Int) -> [String: Shape] {
        var fields: [String: Shape] = [:]
        for key in Self.stringKeys where random.chance(60) { fields[key] = .string }
        for key in Self.intKeys where random.chance(50) { fields[key] = .int }
        for key in Self.boolKeys where random.chance(60) { fields[key] = .bool }
        guard depth < 2 else { return fields }
        if random.chance(60) { fields["tags"] = .strings }
        if random.chance(20) { fields["none"] = .emptyList }
        // Objects and lists of objects keep one kind per key name: `items`/`rows` lists, `meta`/`author` objects.
        for key in ["items", "rows"] where random.chance(50) { fields[key] = .objects(makeFields(depth: depth + 1)) }
        for key in ["meta", "author"] where random.chance(50) { fields[key] = .object(makeFields(depth: depth + 1)) }
        return fields
    }

    private mutating func makeValue(_ shape: Shape) -> TemplateValue {
        switch shape {
        case .string: return .string(random.pick(Self.words))
        case .int: return .int(random.below(2000) - 500)
        case .bool: return .bool(random.chance(50))
        case .emptyList: return .list([])
        case .strings: return .list((0..<random.below(4)).map { _ in .string(random.pick(Self.words)) })
        case .objects(let fields): return .list((0..<random.below(4)).map { _ in makeValue(.object(fields)) })
        case .object(let fields):
            var object: [String: TemplateValue] = [:]
            for (key, field) in fields.sorted(by: { $0.key < $1.key }) { object[key] = makeValue(field) }
            return .object(object)
        }
    }

    // MARK: - Names

    private func resolve(_ spelling: String, in frames: [Frame]) -> Shape? {
        let parts = spelling.split(separator: ".").map(String.init)
        guard let first = parts.first else { return nil }
        for frame in frames.reversed() {
            guard case .fields(let fields) = frame, var shape = fields[first] else { continue }
            for part in parts.dropFirst() {
                guard case .object(let inner) = shape, let next = inner[part] else { return nil }
                shape = next
            }
            return shape
        }
        return nil
    }

    /// Every spelling (plain or dotted one level) visible from the frames, sorted for determinism.
    private func spellings(in frames: [Frame], dotted: Bool) -> [String] {
        var names: Set<String> = []
        for case .fields(let fields) in frames {
            for (key, shape) in fields {
                names.insert(key)
                if dotted, case .object(let inner) = shape {
                    for innerKey in inner.keys { names.insert("\(key).\(innerKey)") }
                }
            }
        }
        return names.sorted()
    }

    // MARK: - Templates

    enum Mode { case main, partial, override }

    private mutating func lines(count: Int, frames: [Frame], depth: Int, mode: Mode, inInverted: Bool = false) -> String {
        var text = ""
        for _ in 0..<count { text += line(frames: frames, depth: depth, mode: mode, inInverted: inInverted) }
        return text
    }

    private mutating func indentation(_ mode: Mode) -> String {
        guard mode != .override, random.chance(30) else { return "" }
        return random.pick([" ", "  ", "\t", " \t"])
    }

    private mutating func line(frames: [Frame], depth: Int, mode: Mode, inInverted: Bool) -> String {
        let roll = random.below(100)
        if depth < 3, roll < 25, let (open, name, inner) = sectionOpening(frames: frames, mode: mode, inInverted: inInverted) {
            let indent = indentation(mode)
            let body = lines(count: 1 + random.below(3), frames: inner, depth: depth + 1, mode: mode,
                             inInverted: inInverted || open == "^")
            return "\(indent){{\(open)\(name)}}\n\(body)\(indentation(mode)){{/\(name)}}\n"
        }
        if roll < 32 {
            return "\(indentation(mode)){{! a comment }}\n"
        }
        if mode == .main, roll < 45 {
            // Only the list-free partials may be indented.
            let name = random.pick(["p1", "p2", "partials/p3"])
            let indent = name == "partials/p3" || random.chance(40) ? "" : random.pick([" ", "  ", "\t", " \t"])
            return "\(indent){{>\(name)}}\n"
        }
        return indentation(mode) + inlineRun(frames: frames, depth: depth, mode: mode, inInverted: inInverted) + "\n"
    }

    /// A section or inverted section tag this scope can open, with the frames inside it.
    private mutating func sectionOpening(frames: [Frame], mode: Mode, inInverted: Bool) -> (String, String, [Frame])? {
        if random.chance(35) {
            // Inverted: any bool or list, or a name that exists nowhere; pushes nothing.
            // Partials and layouts only test bools: lists there could be shadowed by a different list.
            var names = spellings(in: frames, dotted: mode == .main).filter {
                switch resolve($0, in: frames) {
                case .bool?: return true
                case .strings?, .objects?, .emptyList?: return mode == .main
                default: return false
                }
            }
            names.append("ghost")
            return ("^", random.pick(names), frames)
        }
        let names = spellings(in: frames, dotted: mode == .main).filter {
            guard let shape = resolve($0, in: frames) else { return false }
            return mode == .main ? !shape.isScalar || isBool(shape) : isBool(shape)
        }
        guard !names.isEmpty else { return nil }
        let name = random.pick(names)
        switch resolve(name, in: frames) {
        case .objects(let fields)?, .object(let fields)?: return ("#", name, frames + [.fields(fields)])
        case .strings?: return ("#", name, frames + [.scalar])
        case .emptyList?: return ("#", name, frames + [.fields([:])])
        default: return ("#", name, frames)
        }
    }

    private func isBool(_ shape: Shape) -> Bool {
        if case .bool = shape { return true }
        return false
    }

    /// One line's worth of inline content, starting with visible text or an interpolation.
    private mutating func inlineRun(frames: [Frame], depth: Int, mode: Mode, inInverted: Bool = false) -> String {
        var text = random.chance(50) ? random.pick(["<li>", "a", "Hello", "x=1;", "é"]) : variable(frames: frames, mode: mode, inInverted: inInverted)
        for _ in 0..<random.below(4) {
            switch random.below(10) {
            case 0..<4: text += random.pick(Self.textPieces)
            case 4..<7: text += variable(frames: frames, mode: mode, inInverted: inInverted)
            case 7: text += "{{! inline }}"
            case 8 where mode == .main: text += "{{>partials/p3}}"
            default:
                if depth < 3, let (open, name, inner) = sectionOpening(frames: frames, mode: mode, inInverted: inInverted) {
                    let body = inlineRun(frames: inner, depth: depth + 1, mode: mode, inInverted: inInverted || open == "^")
                    text += "{{\(open)\(name)}}\(body){{/\(name)}}"
                }
            }
        }
        return text
    }

    private mutating func variable(frames: [Frame], mode: Mode, inInverted: Bool) -> String {
        let names = spellings(in: frames, dotted: mode == .main).filter { resolve($0, in: frames)?.isScalar == true }
        let name: String
        if case .scalar? = frames.last, !inInverted, mode == .main, random.chance(60) {
            name = "."
        } else {
            name = random.pick(names)
        }
        let padded = random.chance(20) ? " \(name) " : name
        switch random.below(6) {
        case 0: return "{{{\(padded)}}}"
        case 1: return "{{&\(padded)}}"
        default: return "{{\(padded)}}"
        }
    }

    /// Opens with a content line: an indented partial that renders nothing gets no indentation
    /// from us (as the spec says) but still gets it from swift-mustache.
    private mutating func makeIndentablePartial() -> String {
        let root: [Frame] = [.fields(rootShape)]
        return inlineRun(frames: root, depth: 1, mode: .partial) + "\n" + lines(count: random.below(3), frames: root, depth: 1, mode: .partial)
    }

    private mutating func makeLayout() -> String {
        let root: [Frame] = [.fields(rootShape)]
        var text = "<html>" + inlineRun(frames: root, depth: 2, mode: .partial) + "\n"
        for block in ["head", "main", "foot"] {
            text += "{{$\(block)}}\n" + lines(count: random.below(3), frames: root, depth: 2, mode: .override) + "{{/\(block)}}\n"
            if random.chance(50) { text += inlineRun(frames: root, depth: 2, mode: .partial) + "\n" }
        }
        return text
    }

    private mutating func makeChildOfLayout() -> String {
        let root: [Frame] = [.fields(rootShape)]
        var text = random.chance(50) ? "" : lines(count: 1, frames: root, depth: 2, mode: .override)
        text += "{{<layout}}\n"
        for block in ["head", "main", "foot"] where random.chance(60) {
            text += "{{$\(block)}}\n" + lines(count: 1 + random.below(3), frames: root, depth: 1, mode: .override) + "{{/\(block)}}\n"
        }
        text += "{{/layout}}\n"
        return text
    }
}
