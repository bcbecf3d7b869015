import DossierCore
import SiteGraph

/// The client-side search index: one entry per brief paragraph and per topic, commentary piece and page,
/// as an inverted index (term → entries) plus the entries' text for snippets.
///
/// Written as scripts rather than JSON so that search also works when the site is opened from disk,
/// where browsers refuse to fetch files. A small site gets one script, `search-index.js`; a large one
/// gets a small `search-index.js` naming the parts, and `search/` holds term shards (by the terms'
/// first letters, split until each is under `shardLimit`) and entry chunks, which `search.js` loads
/// as a query needs them — so the first query downloads a few shards and chunks, not the whole index.
struct SearchIndex {
    let graph: SiteGraph

    /// Above this many bytes of index, the index is split.
    static let splitThreshold = 300_000
    /// Largest shard of terms before it is split by one more letter.
    static let shardLimit = 60_000
    /// Entries per chunk of a split index.
    static let chunkSize = 16

    /// A searchable unit; `url` is relative to the site root. Its text is `summary`, a space and `body`
    /// for documents, `body` alone for brief paragraphs; the parts are kept apart so that comparing an
    /// entry with the last build's copies nothing.
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
        for document in graph.topics + graph.commentary + graph.pages + graph.authors {
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

    /// Each entry's terms (numbers in `vocabulary`, with their weights) and its encoded `[kind, title,
    /// url, text]`, kept from the last build for the entries that did not change.
    struct Cache {
        var entries: [Entry] = []
        var vocabulary = SearchVocabulary()
        var terms: [[TermWeight]] = []
        var records: [[UInt8]] = []
    }

    /// The index's files: `search-index.js`, and for a large site its parts under `search/`.
    func files(reusing cache: Cache = Cache()) -> (files: [OutputFile], cache: Cache) {
        let entries = entries()
        var vocabulary = cache.vocabulary
        var counter = TermCounter()
        var terms: [[TermWeight]] = []
        var records: [[UInt8]] = []
        terms.reserveCapacity(entries.count)
        records.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            if index < cache.entries.count, cache.entries[index] == entry {
                terms.append(cache.terms[index])
                records.append(cache.records[index])
            } else {
                terms.append(counter.weights(text: SearchTerms.terms(of: entry.text), title: SearchTerms.terms(of: entry.title), vocabulary: &vocabulary))
                records.append(Self.record(entry))
            }
        }
        let layout = SearchIndexLayout(terms: Self.postings(terms, vocabulary: vocabulary), records: records)
        return (layout.files(), Cache(entries: entries, vocabulary: vocabulary, terms: terms, records: records))
    }

    /// Each term with postings, sorted, and its flat `[entry gap, weight, entry gap, weight, …]`,
    /// entries ascending (gaps from the previous).
    private static func postings(_ terms: [[TermWeight]], vocabulary: SearchVocabulary) -> [SearchIndexLayout.Term] {
        var postings = [[Int32]](repeating: [], count: vocabulary.terms.count)
        var last = [Int32](repeating: 0, count: vocabulary.terms.count)
        for (entry, weights) in terms.enumerated() {
            for weight in weights {
                let term = Int(weight.term)
                postings[term].append(Int32(entry) - last[term])
                postings[term].append(min(weight.weight, 999))
                last[term] = Int32(entry)
            }
        }
        return zip(vocabulary.terms, postings).filter { !$0.1.isEmpty }.map { SearchIndexLayout.Term(name: $0.0, postings: $0.1) }
            .sorted { $0.name < $1.name }
    }

    private static func record(_ entry: Entry) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        JSONText.appendString(entry.kind, to: &bytes)
        bytes.append(UInt8(ascii: ","))
        JSONText.appendString(entry.title, to: &bytes)
        bytes.append(UInt8(ascii: ","))
        JSONText.appendString(entry.url, to: &bytes)
        bytes.append(UInt8(ascii: ","))
        JSONText.appendString(entry.text, collapsingWhitespace: true, to: &bytes)
        bytes.append(UInt8(ascii: "]"))
        return bytes
    }
}
