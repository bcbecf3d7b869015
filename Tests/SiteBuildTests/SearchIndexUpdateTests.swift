import Foundation
@testable import SiteBuild
import Testing

/// The preview's rebuild changes the search index in place (`SearchIndex.update`, the layout's
/// `files(reusing:…)`): what it makes must be byte for byte what a build from scratch makes.
@Suite struct SearchIndexUpdateTests {
    /// Weights of each entry (term number → weight), as `TermCounter` gives them.
    private static func postings(_ entries: [[Int32: Int32]], terms: Int) -> [[Int32]] {
        var postings = [[Int32]](repeating: [], count: terms)
        var last = [Int32](repeating: 0, count: terms)
        for (entry, weights) in entries.enumerated() {
            for (term, weight) in weights.sorted(by: { $0.key < $1.key }) {
                postings[Int(term)] += [Int32(entry) - last[Int(term)], weight]
                last[Int(term)] = Int32(entry)
            }
        }
        return postings
    }

    private static func weights(_ entry: [Int32: Int32]) -> [TermWeight] {
        entry.map { TermWeight(term: $0.key, weight: $0.value) }
    }

    @Test func changingAnEntryInPlaceGivesTheListsBuiltFromScratch() {
        var random = SeededRandom(seed: 7)
        var entries = (0..<40).map { _ in
            Dictionary((0..<6).map { _ in (Int32.random(in: 0..<30, using: &random), Int32.random(in: 1...9, using: &random)) }, uniquingKeysWith: { first, _ in first })
        }
        var postings = Self.postings(entries, terms: 30)
        for _ in 0..<200 {
            let entry = Int.random(in: 0..<entries.count, using: &random)
            let old = entries[entry]
            var new = old
            // Drop a term, add a term, change a weight.
            if let first = new.keys.sorted().first, Bool.random(using: &random) { new[first] = nil }
            new[Int32.random(in: 0..<30, using: &random)] = Int32.random(in: 1...9, using: &random)
            entries[entry] = new
            _ = SearchIndex.update(&postings, entry: entry, from: Self.weights(old), to: Self.weights(new))
            #expect(postings == Self.postings(entries, terms: 30))
        }
    }

    /// A split index (thousands of terms): changed, new and vanished terms and changed records.
    @Test func aSplitIndexUpdatedInPlaceEqualsOneLaidOutAnew() {
        var random = SeededRandom(seed: 11)
        let letters = Array("abcdefghij")
        func name(_ number: Int) -> String {
            String((0..<5).map { letters[(number >> ($0 * 2) + $0 * number) % letters.count] }) + "\(number % 97)"
        }
        var terms = Dictionary((0..<6000).map { (name($0), (0..<Int.random(in: 1...24, using: &random)).map { _ in Int32.random(in: 1...40, using: &random) }) },
                               uniquingKeysWith: { first, _ in first })
        var records = (0..<500).map { Array("[\"page\",\"Entry \($0)\"]".utf8) }
        func layout() -> SearchIndexLayout {
            SearchIndexLayout(terms: terms.map { SearchIndexLayout.Term(name: $0.key, postings: $0.value) }.sorted { $0.name < $1.name }, records: records)
        }
        var previous = layout()
        var cache = previous.files().cache
        #expect(cache.isSplit)
        for step in 0..<30 {
            var changed: Set<String> = []
            let previousRecords = records
            for _ in 0..<Int.random(in: 1...40, using: &random) {
                let term = name(Int.random(in: 0..<7000, using: &random))
                changed.insert(term)
                // Longer, shorter, gone or new: shards grow past the limit and splits shrink under it.
                terms[term] = Bool.random(using: &random) && terms[term] != nil ? nil
                    : (0..<Int.random(in: 1...(step % 3 == 0 ? 900 : 20), using: &random)).map { _ in Int32.random(in: 1...40, using: &random) }
            }
            let record = Int.random(in: 0..<records.count, using: &random)
            records[record] = Array("[\"page\",\"Entry \(record) step \(step)\"]".utf8)
            let next = layout()
            let updated = next.files(reusing: cache, previousTerms: previous.terms, changedTerms: changed, changedRecords: [record], previousRecords: previousRecords)
            let fresh = next.files()
            let differing = zip(updated.files, fresh.files).filter { $0.0 != $0.1 }.map(\.1.path)
            #expect(updated.files.map(\.path) == fresh.files.map(\.path) && differing.isEmpty, "step \(step): \(differing)")
            previous = next
            cache = updated.cache
        }
    }
}
