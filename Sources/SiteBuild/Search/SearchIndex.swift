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

    /// Each entry's terms (term → weight: twice its count, plus one when the title has it) and its
    /// encoded `[kind, title, url, text]`, kept from the last build for the entries that did not change.
    /// With the postings and the laid-out files, so that when only some entries changed (and none was
    /// added or removed) only their terms' postings, shards and chunks are made again.
    struct Cache {
        var entries: [Entry] = []
        var terms: [[String: Int]] = []
        var records: [[UInt8]] = []
        var postings: [String: [Int]] = [:]
        var layout = SearchIndexLayout.Cache()
    }

    /// The index's files: `search-index.js`, and for a large site its parts under `search/`.
    func files(reusing cache: Cache = Cache()) -> (files: [OutputFile], cache: Cache) {
        let entries = entries()
        var terms: [[String: Int]] = []
        var records: [[UInt8]] = []
        var changed: [Int] = []
        terms.reserveCapacity(entries.count)
        records.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            if index < cache.entries.count, cache.entries[index] == entry {
                terms.append(cache.terms[index])
                records.append(cache.records[index])
            } else {
                terms.append(Self.weights(of: entry))
                records.append(Self.record(entry))
                changed.append(index)
            }
        }
        // Entries keep their numbers only when none was added or removed; else everything is made again.
        guard !cache.entries.isEmpty, cache.entries.count == entries.count else {
            let postings = Self.postings(terms)
            let laid = SearchIndexLayout(postings: postings, records: records).files()
            return (laid.files, Cache(entries: entries, terms: terms, records: records, postings: postings, layout: laid.cache))
        }
        var postings = cache.postings
        var changedTerms: [String: Int] = [:]
        for index in changed {
            let old = cache.terms[index], new = terms[index]
            for (term, weight) in new where old[term] != weight {
                if changedTerms[term] == nil { changedTerms[term] = postings[term]?.count ?? 0 }
                Self.set(&postings[term, default: []], entry: index, weight: min(weight, 999))
            }
            for term in old.keys where new[term] == nil {
                if changedTerms[term] == nil { changedTerms[term] = postings[term]?.count ?? 0 }
                Self.set(&postings[term, default: []], entry: index, weight: nil)
                if postings[term]?.isEmpty ?? true { postings[term] = nil }
            }
        }
        let layout = SearchIndexLayout(postings: postings, records: records)
        let laid = layout.files(reusing: cache.layout, changedTerms: changedTerms, changedRecords: changed, previousRecords: cache.records)
        return (laid.files, Cache(entries: entries, terms: terms, records: records, postings: postings, layout: laid.cache))
    }

    /// Sets the weight of `entry` in a flat gap-coded posting list (nil: removes it), keeping the
    /// entries ascending and the gaps those a full build would write.
    static func set(_ list: inout [Int], entry: Int, weight: Int?) {
        var before = 0
        var position = 0
        while position < list.count, before + list[position] < entry {
            before += list[position]
            position += 2
        }
        if position < list.count, before + list[position] == entry {
            guard let weight else {
                let gap = list[position]
                list.removeSubrange(position..<position + 2)
                if position < list.count { list[position] += gap }
                return
            }
            list[position + 1] = weight
        } else if let weight {
            if position < list.count { list[position] -= entry - before }
            list.insert(contentsOf: [entry - before, weight], at: position)
        }
    }

    private static func weights(of entry: Entry) -> [String: Int] {
        var weights: [String: Int] = [:]
        for term in SearchTerms.terms(of: entry.text) { weights[term, default: 0] += 2 }
        for term in Set(SearchTerms.terms(of: entry.title)) { weights[term, default: 0] |= 1 }
        return weights
    }

    /// Term → flat `[entry gap, weight, entry gap, weight, …]`, entries ascending (gaps from the previous).
    private static func postings(_ terms: [[String: Int]]) -> [String: [Int]] {
        var postings: [String: [Int]] = [:]
        var last: [String: Int] = [:]
        for (entry, weights) in terms.enumerated() {
            for (term, weight) in weights {
                postings[term, default: []].append(contentsOf: [entry - (last[term] ?? 0), min(weight, 999)])
                last[term] = entry
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
