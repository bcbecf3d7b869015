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
        var terms: [String] = []
        var shards: [Shard] = []
        /// The size of every node of the shard tree: shards, and the nodes split further.
        var leafSizes: [String: Int] = [:]
        var splitSizes: [String: Int] = [:]
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
        var cache = Cache(isSplit: true, size: size, terms: terms)
        shard(terms.indices, length: 0, key: "", into: &cache)
        var manifest = Array((Self.prefix + "{\"count\":\(records.count),\"chunkSize\":\(SearchIndex.chunkSize),\"keys\":[").utf8)
        for (number, shard) in cache.shards.enumerated() {
            if number > 0 { manifest.append(UInt8(ascii: ",")) }
            JSONText.appendString(shard.key, to: &manifest)
        }
        manifest.append(contentsOf: "]};\n".utf8)
        cache.files = [OutputFile(path: RouteTable.searchIndex.outputPath, bytes: manifest)]
            + cache.shards.map { shardFile($0, terms: terms) }
            + stride(from: 0, to: records.count, by: SearchIndex.chunkSize).map { chunkFile($0 / SearchIndex.chunkSize) }
        return (cache.files, cache)
    }

    /// The files after some postings and records changed, with the same terms and number of records:
    /// only the shards and chunks holding them are encoded again, while the shard tree stays as it was
    /// (a shard that grows past the limit, or a split that shrinks under it, lays everything out anew).
    /// `changedTerms` maps each changed term to the length of its posting list before.
    func files(reusing cache: Cache, changedTerms: [String: Int], changedRecords: [Int], previousRecords: [[UInt8]]) -> (files: [OutputFile], cache: Cache) {
        guard cache.isSplit, !cache.files.isEmpty else { return files() }
        var next = cache
        var dirtyShards: Set<Int> = []
        for record in changedRecords { next.size += records[record].count - previousRecords[record].count }
        for (term, oldCount) in changedTerms {
            guard let shard = shardIndex(of: term, in: cache) else { return files() }
            let delta = 4 * ((postings[term]?.count ?? 0) - oldCount)
            next.size += delta
            dirtyShards.insert(shard)
            // Every node of the shard tree above the term's shard must stay split, and its shard small enough.
            var length = 1
            let characters = term.count
            while true {
                let key = String(term.prefix(length))
                if let size = next.splitSizes[key] {
                    next.splitSizes[key] = size + delta
                    if size + delta <= SearchIndex.shardLimit { return files() }
                    if characters == length { break }
                    length += 1
                } else {
                    let size = (next.leafSizes[key] ?? 0) + delta
                    next.leafSizes[key] = size
                    if length < 8, size > SearchIndex.shardLimit { return files() }
                    break
                }
            }
        }
        guard next.size > SearchIndex.splitThreshold else { return files() }
        for shard in dirtyShards { next.files[1 + shard] = shardFile(next.shards[shard], terms: next.terms) }
        for chunk in Set(changedRecords.map { $0 / SearchIndex.chunkSize }) {
            next.files[1 + next.shards.count + chunk] = chunkFile(chunk)
        }
        return (next.files, next)
    }

    /// The place in `cache.shards` of the shard holding `term` (by binary search: shards hold
    /// consecutive ranges of the sorted terms).
    private func shardIndex(of term: String, in cache: Cache) -> Int? {
        var low = 0, high = cache.terms.count
        while low < high {
            let middle = (low + high) / 2
            if cache.terms[middle] < term { low = middle + 1 } else { high = middle }
        }
        guard low < cache.terms.count, cache.terms[low] == term else { return nil }
        var first = 0, last = cache.shards.count
        while first < last {
            let middle = (first + last) / 2
            if cache.shards[middle].terms.upperBound <= low { first = middle + 1 } else { last = middle }
        }
        return first < cache.shards.count ? first : nil
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

    /// Shards of sorted `terms` sharing `key` (its first `length` characters): one when they are small
    /// enough, else the terms that are `key` itself plus a split by the next character.
    private func shard(_ range: Range<Int>, length: Int, key: String, into cache: inout Cache) {
        let terms = cache.terms
        let size = terms[range].reduce(0) { $0 + $1.utf8.count + 4 + 4 * (postings[$1]?.count ?? 0) }
        if length > 0, size <= SearchIndex.shardLimit || length >= 8 {
            cache.leafSizes[key] = size
            cache.shards.append(Shard(key: key, terms: range))
            return
        }
        if length > 0 { cache.splitSizes[key] = size }
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
