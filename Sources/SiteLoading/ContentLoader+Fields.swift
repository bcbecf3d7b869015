import DossierCore
import FrontMatter
import MarkdownRendering

extension ContentLoader {
    /// `updated`, or `lastmod` as Hugo writes it (one of the two).
    func updatedField(_ fields: inout FieldReader) -> DateField? {
        if fields.value("updated") != nil, fields.value("lastmod") != nil {
            fields.report("write either 'updated' or 'lastmod', not both (they mean the same)", at: fields.position(of: "lastmod").textPosition)
        }
        return fields.dateField("updated") ?? fields.dateField("lastmod")
    }

    /// A topic's matching phrases: `phrases`, or `aliases` as files written before the rename say.
    func phrases(in fields: inout FieldReader) -> [ContentDocument.Located<String>] {
        if fields.value("aliases") != nil {
            if fields.value("phrases") != nil {
                fields.report("write the matching phrases under 'phrases' only ('aliases' is its old name)", at: fields.position(of: "aliases").textPosition)
                return []
            }
            fields.warn(
                "on a topic, 'aliases' is the old name of 'phrases' (the words that tag brief paragraphs with this topic): rename the key to 'phrases'",
                at: fields.keyPosition(of: "aliases")
            )
            return listed("aliases", in: &fields)
        }
        return listed("phrases", in: &fields)
    }

    /// Old URLs of a piece (`aliases: [/2019/01/old-post/]`), as site paths to write redirects at.
    func redirects(in fields: inout FieldReader) -> [ContentDocument.Located<String>] {
        listed("aliases", in: &fields).compactMap { alias in
            guard let path = Self.redirectPath(alias.value) else {
                fields.report("alias '\(alias.value)' must be a path on this site, such as /2019/01/old-post/ or /old.html", at: alias.location.textPosition)
                return nil
            }
            return ContentDocument.Located(path, at: alias.location)
        }
    }

    /// `/old/post/` → `old/post/index.html`, `old.html` → `old.html`; nil for URLs elsewhere or climbing out.
    static func redirectPath(_ alias: String) -> String? {
        guard !alias.contains("://"), !alias.hasPrefix("//"), !alias.contains("?"), !alias.contains("#") else { return nil }
        let trimmed = alias.trimmingCharacters(in: "/")
        guard !trimmed.isEmpty, let path = Path.resolve(trimmed, from: "") else { return nil }
        let last = Path.lastComponent(of: path)
        return alias.hasSuffix("/") || !last.contains(".") ? Path.join(path, "index.html") : path
    }

    func listed(_ key: String, in fields: inout FieldReader) -> [ContentDocument.Located<String>] {
        guard fields.stringList(key) != nil else { return [] }
        return fields.positionedList(key).map { ContentDocument.Located($0.text, at: $0.location) }
    }
}

/// `<!--more-->` ends the part of the body that stands as the summary in lists and feeds.
enum SummaryBreak {
    static let marker = "<!--more-->"

    /// The body without the marker line, and the text before it as a plain summary (nil without marker).
    static func split(_ body: String) -> (body: String, summary: String?) {
        guard contains(marker, in: body) else { return (body, nil) }
        var lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        guard let index = lines.firstIndex(where: { $0.trimmingCharacters(in: " \t") == marker }) else { return (body, nil) }
        let before = lines[..<index].joined(separator: "\n")
        // The line stays (empty) so every later line keeps its number in messages.
        lines[index] = ""
        let summary = MarkdownRenderer.render(before) { _ in .keep }.plainText
            .split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: " ")
        return (lines.joined(separator: "\n"), summary.isEmpty ? nil : summary)
    }

    /// A byte search: Foundation's `contains` compares characters and was 4 % of a large build.
    private static func contains(_ needle: String, in text: String) -> Bool {
        var text = text
        var needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { wanted in
                guard let first = wanted.first else { return true }
                var index = 0
                while index + wanted.count <= haystack.count {
                    if haystack[index] == first, haystack[index..<(index + wanted.count)].elementsEqual(wanted) { return true }
                    index += 1
                }
                return false
            }
        }
    }
}

extension ExtraValue {
    /// A YAML value as written (scalars as text).
    init(_ value: YAMLValue) {
        switch value {
        case .scalar(let text, _, _): self = .text(text)
        case .sequence(let items, _): self = .list(items.map(ExtraValue.init))
        case .mapping(let entries, _): self = .map(entries.map { ($0.key, ExtraValue($0.value)) })
        }
    }
}
