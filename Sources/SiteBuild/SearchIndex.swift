import DossierCore
import Foundation
import SiteGraph

/// The client-side search index: one entry per brief paragraph and per topic, commentary piece and page.
///
/// Written as a script (`search-index.js`) rather than JSON so that search also works when the site
/// is opened from disk, where browsers refuse to fetch files.
struct SearchIndex {
    let graph: SiteGraph

    /// A searchable unit; `url` is relative to the site root.
    struct Entry: Encodable {
        var url: String
        var title: String
        var kind: String
        var text: String
    }

    func entries() -> [Entry] {
        var entries: [Entry] = []
        for brief in graph.briefs {
            for paragraph in brief.paragraphs {
                entries.append(Entry(
                    url: Route.home.relativeURL(to: brief.route, fragment: paragraph.anchor),
                    title: "\(brief.metadata.title), ¶\(paragraph.number)",
                    kind: "brief",
                    text: paragraph.fullText
                ))
            }
        }
        let documents = graph.topics + graph.commentary + graph.pages
        for document in documents {
            let body = graph.bodies[document.route]?.plainText ?? ""
            let text = ([document.summary ?? ""] + [body]).joined(separator: " ")
            entries.append(Entry(
                url: Route.home.relativeURL(to: document.route),
                title: document.title,
                kind: document.kind == .page ? "page" : document.kind.rawValue,
                text: String(text.split(whereSeparator: \.isWhitespace).joined(separator: " "))
            ))
        }
        return entries
    }

    /// The script defining `window.dossierSearchIndex`.
    func file() -> OutputFile {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(entries())).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        // "</" cannot end a script element when the index is inlined or parsed as HTML.
        let safe = json.replacingOccurrences(of: "</", with: "<\\/")
        return OutputFile(path: "search-index.js", bytes: Array("window.dossierSearchIndex = \(safe);\n".utf8))
    }
}
