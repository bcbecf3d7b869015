import DossierCore
import Foundation
import SiteBuild
import Testing

/// `docs/templates.md` is what `dossier templates --context` prints, and it names everything the
/// project's templates use.
@Suite struct TemplateReferenceTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func reference() throws -> String {
        try TemplateReference.markdown().get()
    }

    @Test func committedReferenceMatchesTheCode() throws {
        let committed = try String(contentsOf: Self.repository.appendingPathComponent("docs/templates.md"), encoding: .utf8)
        let current = try Self.reference()
        #expect(committed == current, """
            docs/templates.md is out of date: the page builders now give templates other values. \
            Regenerate it with `swift run dossier templates --context > docs/templates.md` and commit it.
            """)
    }

    /// Every name a template of the project reads is in the reference, so the sample site sets every
    /// value the templates use (a name set only in some cases would otherwise go undocumented).
    @Test func referenceNamesEverythingTheTemplatesRead() throws {
        let reference = try Self.reference()
        var documented: Set<String> = []
        for line in reference.split(separator: "\n") where line.hasPrefix("| `") {
            let name = line.dropFirst(3).prefix { $0 != "`" }
            if let last = name.split(separator: ".").last { documented.insert(String(last).replacingOccurrences(of: "[]", with: "")) }
            documented.insert(String(name))
        }
        var missing: [String] = []
        let templates = Self.repository.appendingPathComponent("templates")
        let files = FileManager.default.enumerator(atPath: templates.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".html") }.sorted() ?? []
        #expect(files.count > 10)
        for file in files {
            let text = try String(contentsOf: templates.appendingPathComponent(file), encoding: .utf8)
            for name in Self.variableNames(in: text) where name != "." && !documented.contains(String(name.split(separator: ".").last ?? "")) {
                missing.append("templates/\(file): \(name)")
            }
        }
        #expect(missing.isEmpty, "names the templates read but the reference lacks (give ReferenceSample content that sets them): \(missing)")
    }

    @Test func referenceListsEveryPageKindWithItsTemplate() throws {
        let reference = try Self.reference()
        for kind in ["home", "topic", "topics", "brief", "briefs", "commentary", "commentary-index", "page", "search", "404"] {
            #expect(reference.contains("### \(kind)\n"), "no section for \(kind)")
        }
        #expect(reference.contains("| `body` | HTML |"))
        #expect(reference.contains("| `page.extra` | object, as written in `extra:`; empty without one |"))
    }

    /// Names of variable and section tags (`{{x}}`, `{{{x}}}`, `{{&x}}`, `{{#x}}`, `{{^x}}`).
    static func variableNames(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "}}") else { break }
            var tag = rest[..<close.lowerBound]
            rest = rest[close.upperBound...]
            if let first = tag.first, "{&#^".contains(first) { tag = tag.dropFirst() } else if let first = tag.first, "!/><$=".contains(first) { continue }
            let name = tag.trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { names.append(name) }
        }
        return names
    }
}
