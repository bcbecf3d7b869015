import Foundation

/// The same corpus as a Hugo site, so `make bench` can time Hugo on the same bodies and links:
/// commentary as regular pages, topics as the terms of a `topics` taxonomy, briefs as pages of their
/// paragraphs, and every `[[wiki link]]` rewritten to the Markdown link dossier would make of it.
/// Templates are small on purpose (title, date, topics, body; term pages list their pieces), like dossier's.
public struct HugoForm: Sendable {
    let topics: Set<String>
    let briefs: Set<String>

    public init(generator: CorpusGenerator) {
        topics = Set(Vocabulary.topics.map(\.slug))
        briefs = Set(generator.briefSlugs)
    }

    /// The Hugo files for one dossier corpus file (none for sidecars), paths under `hugo/`.
    public func files(for file: CorpusFile) -> [CorpusFile] {
        let name = (file.path as NSString).lastPathComponent
        let stem = (name as NSString).deletingPathExtension
        switch file.path {
        case "content/site.yml":
            return [CorpusFile(path: "hugo/hugo.toml", text: Self.config)] + Self.layouts
        case "content/index.md":
            return [CorpusFile(path: "hugo/content/_index.md", text: rewrite(file.text))]
        case let path where path.hasPrefix("content/pages/"):
            return [CorpusFile(path: "hugo/content/pages/\(name)", text: rewrite(file.text))]
        case let path where path.hasPrefix("content/topics/"):
            return [CorpusFile(path: "hugo/content/topics/\(stem)/_index.md", text: rewrite(file.text))]
        case let path where path.hasPrefix("content/commentary/"):
            return [CorpusFile(path: "hugo/content/commentary/\(name)", text: rewrite(file.text))]
        case let path where path.hasPrefix("content/briefs/") && path.hasSuffix(".txt"):
            return [CorpusFile(path: "hugo/content/briefs/\(stem).md", text: "---\ntitle: '\(stem)'\n---\n" + file.text)]
        default:
            return []
        }
    }

    /// `[[slug]]`, `[[slug|text]]` and `[[brief#p3-p5]]` as Markdown links to the pages' clean URLs.
    func rewrite(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 512)
        var rest = text[...]
        while let open = rest.range(of: "[["), let close = rest[open.upperBound...].range(of: "]]") {
            out += rest[..<open.lowerBound]
            let inner = rest[open.upperBound..<close.lowerBound]
            let parts = inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            let target = parts[0].split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            let slug = String(target[0])
            let fragment = target.count > 1 ? "#" + target[1].split(separator: "-")[0] : ""
            let label = parts.count > 1 ? String(parts[1]) : slug
            let section = topics.contains(slug) ? "topics" : (briefs.contains(slug) ? "briefs" : "commentary")
            out += "[\(label)](/\(section)/\(slug)/\(fragment))"
            rest = rest[close.upperBound...]
        }
        out += rest
        return out
    }

    static let config = """
        baseURL = "https://example.org/bench/"
        title = "Benchmark Dossier"
        languageCode = "en"
        [taxonomies]
          topic = "topics"
        [markup.goldmark.renderer]
          unsafe = false

        """

    static let layouts: [CorpusFile] = [
        CorpusFile(path: "hugo/layouts/_default/baseof.html", text: """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} · {{ .Site.Title }}</title>
            <link rel="alternate" type="application/rss+xml" href="/index.xml"></head>
            <body><header><a href="/">{{ .Site.Title }}</a></header><main>{{ block "main" . }}{{ end }}</main></body></html>

            """),
        CorpusFile(path: "hugo/layouts/_default/single.html", text: """
            {{ define "main" }}<article><h1>{{ .Title }}</h1>{{ with .Date }}<time>{{ .Format "2 January 2006" }}</time>{{ end }}
            <ul class="topics">{{ range .GetTerms "topics" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
            {{ .Content }}</article>{{ end }}

            """),
        CorpusFile(path: "hugo/layouts/_default/list.html", text: """
            {{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}
            <ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary }}</li>{{ end }}</ul>{{ end }}

            """),
    ]
}
