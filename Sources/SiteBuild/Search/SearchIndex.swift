import DossierCore
import SiteGraph

/// The client-side search index: one entry per brief paragraph and per topic, commentary piece and page.
///
/// Written as a script (`search-index.js`) rather than JSON so that search also works when the site
/// is opened from disk, where browsers refuse to fetch files.
struct SearchIndex {
    let graph: SiteGraph

    /// A searchable unit; `url` is relative to the site root. Its text is `summary`, a space and `body`
    /// for documents, `body` alone for brief paragraphs, with whitespace collapsed when written; the
    /// parts are kept apart so that comparing an entry with the last build's copies nothing.
    struct Entry: Equatable {
        var url: String
        var title: String
        var kind: String
        var summary: String?
        var body: String

        var text: String { summary.map { $0 + " " + body } ?? body }
    }

    func entries() -> [Entry] {
        var entries: [Entry] = []
        for brief in graph.briefs {
            for paragraph in brief.paragraphs {
                entries.append(Entry(
                    url: Route.home.relativeURL(to: brief.route, fragment: paragraph.anchor),
                    title: "\(brief.metadata.title), ¶\(paragraph.number)",
                    kind: "brief",
                    summary: nil,
                    body: paragraph.fullText
                ))
            }
        }
        for document in graph.topics + graph.commentary + graph.pages {
            let body = graph.bodies[document.route]?.plainText ?? ""
            entries.append(Entry(
                url: Route.home.relativeURL(to: document.route),
                title: document.title,
                kind: document.kind == .page ? "page" : document.kind.rawValue,
                summary: document.summary ?? "",
                body: body
            ))
        }
        return entries
    }

    /// The entries and their encoded JSON objects from the last build, so an incremental rebuild
    /// re-encodes only the entries that changed.
    struct Cache {
        var entries: [Entry] = []
        var fragments: [[UInt8]] = []
    }

    /// The script defining `window.dossierSearchIndex`: an array of `{kind, text, title, url}` objects.
    func file(reusing cache: Cache = Cache()) -> (file: OutputFile, cache: Cache) {
        let entries = entries()
        let fragments = entries.indices.map { index in
            index < cache.entries.count && cache.entries[index] == entries[index] ? cache.fragments[index] : Self.encode(entries[index])
        }
        var bytes = Array("window.dossierSearchIndex = [".utf8)
        bytes.reserveCapacity(fragments.reduce(bytes.count + 4) { $0 + $1.count + 1 })
        for (number, fragment) in fragments.enumerated() {
            if number > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: fragment)
        }
        bytes.append(contentsOf: "];\n".utf8)
        return (OutputFile(path: RouteTable.searchIndex.outputPath, bytes: bytes), Cache(entries: entries, fragments: fragments))
    }

    private static func encode(_ entry: Entry) -> [UInt8] {
        var bytes = Array("{\"kind\":".utf8)
        JSONText.appendString(entry.kind, to: &bytes)
        bytes.append(contentsOf: ",\"text\":".utf8)
        JSONText.appendString(entry.text, collapsingWhitespace: true, to: &bytes)
        bytes.append(contentsOf: ",\"title\":".utf8)
        JSONText.appendString(entry.title, to: &bytes)
        bytes.append(contentsOf: ",\"url\":".utf8)
        JSONText.appendString(entry.url, to: &bytes)
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }
}
