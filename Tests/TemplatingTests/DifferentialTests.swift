import Mustache
import Testing
import Templating

/// Renders a few hundred generated cases with this engine and with swift-mustache and demands equal output.
@Suite struct DifferentialTests {
    static let seeds = Array(UInt64(1)...UInt64(600))

    @Test func generatorIsDeterministic() {
        var first = DifferentialCorpus(seed: 7)
        var second = DifferentialCorpus(seed: 7)
        let a = first.makeCase()
        let b = second.makeCase()
        #expect(a.templates == b.templates)
        #expect(a.context == b.context)
    }

    @Test func matchesSwiftMustache() throws {
        var mismatches: [String] = []
        for seed in Self.seeds {
            var corpus = DifferentialCorpus(seed: seed)
            let generated = corpus.makeCase()
            let sources = generated.templates.map { TemplateSource(name: $0.key, path: "templates/\($0.key).html", text: $0.value) }
            let ours = try TemplateLibrary(sources: sources).render("main", context: generated.context)
            var reference = MustacheLibrary()
            for (name, text) in generated.templates {
                try reference.register(text, named: name)
            }
            let theirs = reference.render(Self.foundationValue(generated.context), withTemplate: "main")
            if ours != theirs {
                mismatches.append("seed \(seed)\n--- templates: \(generated.templates)\n--- ours:\n\(ours)\n--- theirs:\n\(theirs ?? "nil")")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches; first: \(mismatches.first ?? "")")
    }

    /// The same context as plain Swift values, the form swift-mustache reads.
    static func foundationValue(_ value: TemplateValue) -> Any {
        switch value {
        case .string(let text), .html(let text): return text
        case .int(let number): return number
        case .bool(let flag): return flag
        case .list(let items): return items.map(foundationValue)
        case .object(let fields): return fields.mapValues(foundationValue)
        case .null: return Optional<String>.none as Any
        }
    }
}

extension DifferentialTests {
    /// Keeps the comparison honest: the corpus must exercise every construct both engines share.
    @Test func corpusCoversEveryConstruct() {
        let markers = ["{{#", "{{^", "{{{", "{{&", "{{!", "{{>p1}}", "{{>partials/p3}}", "{{<layout}}", "{{$main}}", "{{.}}",
                       "{{#items}}", "{{#meta}}", ".name", "\n {{", "\n\t{{>p", "{{^ghost}}"]
        var counts = Dictionary(uniqueKeysWithValues: markers.map { ($0, 0) })
        for seed in Self.seeds.prefix(400) {
            var corpus = DifferentialCorpus(seed: seed)
            let text = corpus.makeCase().templates["main"] ?? ""
            for marker in markers where text.contains(marker) { counts[marker, default: 0] += 1 }
        }
        for marker in markers {
            #expect(counts[marker, default: 0] >= 10, "construct \(marker) appears in only \(counts[marker, default: 0]) cases")
        }
    }
}
