import DossierCore

/// Lays the search index out as files: all in `search-index.js` when it is small, otherwise a
/// `search-index.js` naming shards of terms (`search/t-<key>.js`) and chunks of entries
/// (`search/e-<n>.js`), each a script that hands its JSON to `search.js`.
struct SearchIndexLayout {
    /// A term and its flat `[entry gap, weight, …]` (see `SearchIndex.postings`).
    struct Term {
        var name: String
        var postings: [Int32]
    }

    /// Every term with postings, sorted by name.
    let terms: [Term]
    /// Each entry's encoded `[kind, title, url, text]`.
    let records: [[UInt8]]

    static let prefix = "window.dossierSearchIndex = "

    /// What `files` laid out, for an update that changes only some terms and records.
    struct Cache {
        /// Whether the index was split; the shards and files are kept only for a split index.
        var isSplit = false
        var shards: [Shard] = []
        var files: [OutputFile] = []
    }

    /// A shard: its key and the range of the sorted terms it holds.
    struct Shard {
        var key: String
        var terms: Range<Int>
    }

    func files() -> (files: [OutputFile], cache: Cache) {
        guard size > SearchIndex.splitThreshold else {
            var bytes = Array((Self.prefix + "{\"count\":\(records.count),\"terms\":").utf8)
            appendTerms(terms[...], to: &bytes)
            bytes.append(contentsOf: ",\"entries\":".utf8)
            appendRecords(records[...], to: &bytes)
            bytes.append(contentsOf: "};\n".utf8)
            return ([OutputFile(path: RouteTable.searchIndex.outputPath, bytes: bytes)], Cache())
        }
        var shards: [Shard] = []
        shard(terms.indices, length: 0, key: "", into: &shards)
        let files = [manifest(shards)] + shards.map(shardFile)
            + stride(from: 0, to: records.count, by: SearchIndex.chunkSize).map { chunkFile($0 / SearchIndex.chunkSize) }
        return (files, Cache(isSplit: true, shards: shards, files: files))
    }

    /// The files after the terms in `changedTerms` (by name) and the records at `changedRecords` changed,
    /// with as many records as before: the shards are laid out again, but only those holding a changed
    /// term, or other terms than before, and the chunks holding a changed record are encoded again.
    func files(reusing cache: Cache, previousTerms: [Term], changedTerms: Set<String>, changedRecords: [Int], previousRecords: [[UInt8]]) -> (files: [OutputFile], cache: Cache) {
        guard cache.isSplit, previousRecords.count == records.count, size > SearchIndex.splitThreshold else { return files() }
        var shards: [Shard] = []
        shard(terms.indices, length: 0, key: "", into: &shards)
        var dirty: Set<String> = []
        for name in changedTerms {
            if let old = Self.shard(holding: name, in: previousTerms, shards: cache.shards) { dirty.insert(cache.shards[old].key) }
        }
        let old = Dictionary(cache.shards.indices.map { (cache.shards[$0].key, $0) }, uniquingKeysWith: { first, _ in first })
        var files = [manifest(shards)]
        for shard in shards {
            // A shard holds every term starting with its key, or only its key. One whose old terms are all
            // unchanged, with as many terms now, holds the same terms: a new term or another split would
            // change the count, unless an old term went too, which would have marked it.
            if !dirty.contains(shard.key), let before = old[shard.key], cache.shards[before].terms.count == shard.terms.count {
                files.append(cache.files[1 + before])
            } else {
                files.append(shardFile(shard))
            }
        }
        let dirtyChunks = Set(changedRecords.map { $0 / SearchIndex.chunkSize })
        for chunk in 0..<(records.count + SearchIndex.chunkSize - 1) / SearchIndex.chunkSize {
            files.append(dirtyChunks.contains(chunk) ? chunkFile(chunk) : cache.files[1 + cache.shards.count + chunk])
        }
        return (files, Cache(isSplit: true, shards: shards, files: files))
    }

    /// The size that decides whether the index is split.
    private var size: Int {
        records.reduce(0) { $0 + $1.count } + terms.reduce(0) { $0 + $1.name.utf8.count + 8 + 4 * $1.postings.count }
    }

    /// The shard whose range holds the term `name` of sorted `terms`, if it is there.
    private static func shard(holding name: String, in terms: [Term], shards: [Shard]) -> Int? {
        let place = Term.insertionPoint(of: name, in: terms)
        guard place < terms.count, terms[place].name == name else { return nil }
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

    private func shardFile(_ shard: Shard) -> OutputFile {
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
    private func shard(_ range: Range<Int>, length: Int, key: String, into shards: inout [Shard]) {
        let size = terms[range].reduce(0) { $0 + $1.name.utf8.count + 4 + 4 * $1.postings.count }
        if length > 0, size <= SearchIndex.shardLimit || length >= 8 { return shards.append(Shard(key: key, terms: range)) }
        var start = range.lowerBound
        // Terms exactly `key` sort first; they stay in `key`'s own shard.
        while start < range.upperBound, terms[start].name.count == length { start += 1 }
        if start > range.lowerBound { shards.append(Shard(key: key, terms: range.lowerBound..<start)) }
        while start < range.upperBound {
            let next = String(terms[start].name.prefix(length + 1))
            var end = start
            while end < range.upperBound, terms[end].name.hasPrefix(next) { end += 1 }
            shard(start..<end, length: length + 1, key: next, into: &shards)
            start = end
        }
    }

    /// A shard key as a file name: letters a–z and digits as they are, anything else as `_` and its hex code.
    static func fileName(_ key: String) -> String {
        key.unicodeScalars.map { scalar in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) ? String(scalar) : "_" + String(scalar.value, radix: 16)
        }.joined()
    }

    private func appendTerms(_ terms: ArraySlice<Term>, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "{"))
        for (number, term) in terms.enumerated() {
            if number > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONText.appendString(term.name, to: &bytes)
            bytes.append(contentsOf: ":[".utf8)
            for (index, value) in term.postings.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                Self.appendDecimal(value, to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// A posting number as JSON digits (gaps and weights are never negative).
    private static func appendDecimal(_ value: Int32, to bytes: inout [UInt8]) {
        guard value >= 10 else { return bytes.append(UInt8(ascii: "0") + UInt8(max(value, 0))) }
        appendDecimal(value / 10, to: &bytes)
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
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
