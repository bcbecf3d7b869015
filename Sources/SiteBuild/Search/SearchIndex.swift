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
    /// url, text]`, kept from the last build for the entries that did not change; with the postings
    /// (by term number, and as the layout's sorted terms) and the laid-out files, so that when only some
    /// entries changed and none was added or removed, only their terms, shards and chunks are made again.
    struct Cache {
        var entries: [Entry] = []
        var vocabulary = SearchVocabulary()
        var terms: [[TermWeight]] = []
        var records: [[UInt8]] = []
        var postings: [[Int32]] = []
        var sortedTerms: [SearchIndexLayout.Term] = []
        var layout = SearchIndexLayout.Cache()
    }

    /// The index's files: `search-index.js`, and for a large site its parts under `search/`.
    func files(reusing cache: Cache = Cache()) -> (files: [OutputFile], cache: Cache) {
        let entries = entries()
        var vocabulary = cache.vocabulary
        var counter = TermCounter()
        var terms: [[TermWeight]] = []
        var records: [[UInt8]] = []
        var changed: [Int] = []
        terms.reserveCapacity(entries.count)
        records.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            if index < cache.entries.count, cache.entries[index] == entry {
                terms.append(cache.terms[index])
                records.append(cache.records[index])
            } else {
                terms.append(counter.weights(text: SearchTerms.terms(of: entry.text), title: SearchTerms.terms(of: entry.title), vocabulary: &vocabulary))
                records.append(Self.record(entry))
                changed.append(index)
            }
        }
        var next = Cache(entries: entries, vocabulary: vocabulary, terms: terms, records: records)
        // Entries keep their numbers only when none was added or removed; else everything is made again.
        guard !cache.entries.isEmpty, cache.entries.count == entries.count else {
            next.postings = Self.postings(terms, vocabulary: vocabulary)
            next.sortedTerms = zip(vocabulary.terms, next.postings).filter { !$0.1.isEmpty }
                .map { SearchIndexLayout.Term(name: $0.0, postings: $0.1) }.sorted { $0.name < $1.name }
            let laid = SearchIndexLayout(terms: next.sortedTerms, records: records).files()
            next.layout = laid.cache
            return (laid.files, next)
        }
        next.postings = cache.postings + [[Int32]](repeating: [], count: vocabulary.terms.count - cache.postings.count)
        next.sortedTerms = cache.sortedTerms
        var changedTerms: Set<String> = []
        for index in changed {
            for term in Self.update(&next.postings, entry: index, from: cache.terms[index], to: terms[index]) {
                let name = vocabulary.terms[Int(term)]
                changedTerms.insert(name)
                SearchIndexLayout.Term.replace(name, postings: next.postings[Int(term)], in: &next.sortedTerms)
            }
        }
        let laid = SearchIndexLayout(terms: next.sortedTerms, records: records)
            .files(reusing: cache.layout, previousTerms: cache.sortedTerms, changedTerms: changedTerms, changedRecords: changed, previousRecords: cache.records)
        next.layout = laid.cache
        return (laid.files, next)
    }

    /// Each term's flat `[entry gap, weight, entry gap, weight, …]`, by term number, entries ascending
    /// (gaps from the previous).
    private static func postings(_ terms: [[TermWeight]], vocabulary: SearchVocabulary) -> [[Int32]] {
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
        return postings
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
