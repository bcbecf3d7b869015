import DossierCore

/// Lays the search index out as files: all in `search-index.js` when it is small, otherwise a
/// `search-index.js` naming shards of terms (`search/t-<key>.js`) and chunks of entries
/// (`search/e-<n>.js`), each a script that hands its JSON to `search.js`.
struct SearchIndexLayout {
    /// Term → flat `[entry gap, weight, …]` (see `SearchIndex.postings`).
    let postings: [String: [Int]]
    /// Each entry's encoded `[kind, title, url, text]`.
    let records: [[UInt8]]

    static let prefix = "window.dossierSearchIndex = "

    /// What `files` laid out, for an update that changes only some postings and records.
    struct Cache {
        /// Whether the index was split; the rest is kept only for a split index.
        var isSplit = false
        var size = 0
        /// The terms, sorted, and what each adds to its shard's size.
        var terms: [String] = []
        var termSizes: [Int] = []
        var shards: [Shard] = []
        var files: [OutputFile] = []
    }

    /// A shard: its key and the range of the sorted terms it holds.
    struct Shard {
        var key: String
        var terms: Range<Int>
    }

    func files() -> (files: [OutputFile], cache: Cache) {
        let terms = postings.keys.sorted()
        let size = records.reduce(0) { $0 + $1.count } + terms.reduce(0) { $0 + $1.utf8.count + 8 + 4 * (postings[$1]?.count ?? 0) }
        guard size > SearchIndex.splitThreshold else {
            var bytes = Array((Self.prefix + "{\"count\":\(records.count),\"terms\":").utf8)
            appendTerms(terms[...], to: &bytes)
            bytes.append(contentsOf: ",\"entries\":".utf8)
            appendRecords(records[...], to: &bytes)
            bytes.append(contentsOf: "};\n".utf8)
            return ([OutputFile(path: RouteTable.searchIndex.outputPath, bytes: bytes)], Cache())
        }
        var cache = Cache(isSplit: true, size: size, terms: terms, termSizes: terms.map(termSize))
        shard(cache.terms.indices, length: 0, key: "", into: &cache)
        cache.files = [manifest(cache.shards)] + cache.shards.map { shardFile($0, terms: cache.terms) }
            + stride(from: 0, to: records.count, by: SearchIndex.chunkSize).map { chunkFile($0 / SearchIndex.chunkSize) }
        return (cache.files, cache)
    }

    /// The files after some postings and records changed, with as many records as before: the shards
    /// are laid out again from the terms' sizes, but only those holding a changed term (or holding
    /// other terms than before) and the chunks holding a changed record are encoded again.
    /// `changedTerms` maps each changed term to the length of its posting list before (0: it is new).
    func files(reusing cache: Cache, changedTerms: [String: Int], changedRecords: [Int], previousRecords: [[UInt8]]) -> (files: [OutputFile], cache: Cache) {
        guard cache.isSplit, !cache.files.isEmpty, previousRecords.count == records.count else { return files() }
        var next = Cache(isSplit: true, size: cache.size, terms: cache.terms, termSizes: cache.termSizes)
        for record in changedRecords { next.size += records[record].count - previousRecords[record].count }
        var dirtyOld: Set<String> = []
        for (term, oldCount) in changedTerms {
            let count = postings[term]?.count ?? 0
            let place = Self.insertionPoint(of: term, in: next.terms)
            let present = place < next.terms.count && next.terms[place] == term
            if oldCount > 0, let old = Self.shard(holding: Self.insertionPoint(of: term, in: cache.terms), in: cache.shards) {
                dirtyOld.insert(cache.shards[old].key)
            }
            next.size += (count > 0 ? term.utf8.count + 8 + 4 * count : 0) - (oldCount > 0 ? term.utf8.count + 8 + 4 * oldCount : 0)
            switch (present, count > 0) {
            case (true, true): next.termSizes[place] = termSize(term)
            case (true, false):
                next.terms.remove(at: place)
                next.termSizes.remove(at: place)
            case (false, true):
                next.terms.insert(term, at: place)
                next.termSizes.insert(termSize(term), at: place)
            case (false, false): break
            }
        }
        guard next.size > SearchIndex.splitThreshold else { return files() }
        shard(next.terms.indices, length: 0, key: "", into: &next)
        var dirtyNew: Set<Int> = []
        for term in changedTerms.keys where postings[term] != nil {
            if let shard = Self.shard(holding: Self.insertionPoint(of: term, in: next.terms), in: next.shards) { dirtyNew.insert(shard) }
        }
        let old = Dictionary(cache.shards.indices.map { (cache.shards[$0].key, $0) }, uniquingKeysWith: { first, _ in first })
        next.files = [manifest(next.shards)]
        for (index, shard) in next.shards.enumerated() {
            // A shard of unchanged terms with as many terms as before holds the same terms (see `shard`).
            if !dirtyNew.contains(index), !dirtyOld.contains(shard.key), let before = old[shard.key], cache.shards[before].terms.count == shard.terms.count {
                next.files.append(cache.files[1 + before])
            } else {
                next.files.append(shardFile(shard, terms: next.terms))
            }
        }
        let dirtyChunks = Set(changedRecords.map { $0 / SearchIndex.chunkSize })
        for chunk in 0..<(records.count + SearchIndex.chunkSize - 1) / SearchIndex.chunkSize {
            next.files.append(dirtyChunks.contains(chunk) ? chunkFile(chunk) : cache.files[1 + cache.shards.count + chunk])
        }
        return (next.files, next)
    }

    /// What a term adds to its shard's size (its posting list must be known).
    private func termSize(_ term: String) -> Int {
        term.utf8.count + 4 + 4 * (postings[term]?.count ?? 0)
    }

    /// Where `term` is or would go in sorted `terms`.
    private static func insertionPoint(of term: String, in terms: [String]) -> Int {
        var low = 0, high = terms.count
        while low < high {
            let middle = (low + high) / 2
            if terms[middle] < term { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The shard whose range holds the term at `place` (shards hold consecutive ranges, in order).
    private static func shard(holding place: Int, in shards: [Shard]) -> Int? {
        var first = 0, last = shards.count
        while first < last {
            let middle = (first + last) / 2
            if shards[middle].terms.upperBound <= place { first = middle + 1 } else { last = middle }
        }
        return first < shards.count && shards[first].terms.contains(place) ? first : nil
    }

    private func manifest(_ shards: [Shard]) -> OutputFile {
        var bytes = Array((Self.prefix + "{\"count\":\(records.count),\"chunkSize\":\(SearchIndex.chunkSize),\"keys\":[").utf8)
        for (number, shard) in shards.enumerated() {
            if number > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONText.appendString(shard.key, to: &bytes)
        }
        bytes.append(contentsOf: "]};\n".utf8)
        return OutputFile(path: RouteTable.searchIndex.outputPath, bytes: bytes)
    }

    private func shardFile(_ shard: Shard, terms: [String]) -> OutputFile {
        var bytes = Array("dossierSearchIndex.addTerms(".utf8)
        JSONText.appendString(shard.key, to: &bytes)
        bytes.append(UInt8(ascii: ","))
        appendTerms(terms[shard.terms], to: &bytes)
        bytes.append(contentsOf: ");\n".utf8)
        return OutputFile(path: RouteTable.searchPart("t-" + Self.fileName(shard.key)).outputPath, bytes: bytes)
    }

    private func chunkFile(_ chunk: Int) -> OutputFile {
        let start = chunk * SearchIndex.chunkSize
        var bytes = Array("dossierSearchIndex.addEntries(\(chunk),".utf8)
        appendRecords(records[start..<min(start + SearchIndex.chunkSize, records.count)], to: &bytes)
        bytes.append(contentsOf: ");\n".utf8)
        return OutputFile(path: RouteTable.searchPart("e-\(chunk)").outputPath, bytes: bytes)
    }

    /// Shards of the sorted terms in `range`, which share `key` (their first `length` characters): one
    /// when they are small enough, else the terms that are `key` itself plus a split by the next character.
    /// So a shard holds every term that starts with its key, or (split further) just its key.
    private func shard(_ range: Range<Int>, length: Int, key: String, into cache: inout Cache) {
        if length == 0 { cache.shards = [] }
        let terms = cache.terms
        let size = cache.termSizes[range].reduce(0, +)
        if length > 0, size <= SearchIndex.shardLimit || length >= 8 {
            cache.shards.append(Shard(key: key, terms: range))
            return
        }
        var start = range.lowerBound
        // Terms exactly `key` sort first; they stay in `key`'s own shard.
        while start < range.upperBound, terms[start].count == length { start += 1 }
        if start > range.lowerBound { cache.shards.append(Shard(key: key, terms: range.lowerBound..<start)) }
        while start < range.upperBound {
            let next = String(terms[start].prefix(length + 1))
            var end = start
            while end < range.upperBound, terms[end].hasPrefix(next) { end += 1 }
            shard(start..<end, length: length + 1, key: next, into: &cache)
            start = end
        }
    }

    /// A shard key as a file name: letters a–z and digits as they are, anything else as `_` and its hex code.
    static func fileName(_ key: String) -> String {
        key.unicodeScalars.map { scalar in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) ? String(scalar) : "_" + String(scalar.value, radix: 16)
        }.joined()
    }

    private func appendTerms(_ terms: ArraySlice<String>, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "{"))
        for (number, term) in terms.enumerated() {
            if number > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONText.appendString(term, to: &bytes)
            bytes.append(contentsOf: ":[".utf8)
            bytes.append(contentsOf: (postings[term] ?? []).map(String.init).joined(separator: ",").utf8)
            bytes.append(UInt8(ascii: "]"))
        }
        bytes.append(UInt8(ascii: "}"))
    }

    private func appendRecords(_ records: ArraySlice<[UInt8]>, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "["))
        for (number, record) in records.enumerated() {
            if number > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: record)
        }
        bytes.append(UInt8(ascii: "]"))
    }
}
