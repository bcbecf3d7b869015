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

    func files() -> [OutputFile] {
        let size = records.reduce(0) { $0 + $1.count } + terms.reduce(0) { $0 + $1.name.utf8.count + 8 + 4 * $1.postings.count }
        guard size > SearchIndex.splitThreshold else {
            var bytes = Array((Self.prefix + "{\"count\":\(records.count),\"terms\":").utf8)
            appendTerms(terms, to: &bytes)
            bytes.append(contentsOf: ",\"entries\":".utf8)
            appendRecords(records[...], to: &bytes)
            bytes.append(contentsOf: "};\n".utf8)
            return [OutputFile(path: RouteTable.searchIndex.outputPath, bytes: bytes)]
        }
        let shards = shard(terms[...], length: 0, key: "")
        var files: [OutputFile] = []
        for (key, members) in shards {
            var bytes = Array("dossierSearchIndex.addTerms(".utf8)
            JSONText.appendString(key, to: &bytes)
            bytes.append(UInt8(ascii: ","))
            appendTerms(members, to: &bytes)
            bytes.append(contentsOf: ");\n".utf8)
            files.append(OutputFile(path: RouteTable.searchPart("t-" + Self.fileName(key)).outputPath, bytes: bytes))
        }
        let chunkSize = SearchIndex.chunkSize
        for start in stride(from: 0, to: records.count, by: chunkSize) {
            var bytes = Array("dossierSearchIndex.addEntries(\(start / chunkSize),".utf8)
            appendRecords(records[start..<min(start + chunkSize, records.count)], to: &bytes)
            bytes.append(contentsOf: ");\n".utf8)
            files.append(OutputFile(path: RouteTable.searchPart("e-\(start / chunkSize)").outputPath, bytes: bytes))
        }
        var manifest = Array((Self.prefix + "{\"count\":\(records.count),\"chunkSize\":\(chunkSize),\"keys\":[").utf8)
        for (number, shard) in shards.enumerated() {
            if number > 0 { manifest.append(UInt8(ascii: ",")) }
            JSONText.appendString(shard.key, to: &manifest)
        }
        manifest.append(contentsOf: "]};\n".utf8)
        return [OutputFile(path: RouteTable.searchIndex.outputPath, bytes: manifest)] + files
    }

    /// Shards of sorted `terms` sharing `key` (its first `length` characters): one when they are small
    /// enough, else the terms that are `key` itself plus a split by the next character.
    private func shard(_ terms: ArraySlice<Term>, length: Int, key: String) -> [(key: String, terms: ArraySlice<Term>)] {
        let size = terms.reduce(0) { $0 + $1.name.utf8.count + 4 + 4 * $1.postings.count }
        if length > 0, size <= SearchIndex.shardLimit || length >= 8 { return [(key, terms)] }
        var result: [(key: String, terms: ArraySlice<Term>)] = []
        var start = terms.startIndex
        // Terms exactly `key` sort first; they stay in `key`'s own shard.
        while start < terms.endIndex, terms[start].name.count == length { start += 1 }
        if start > terms.startIndex { result.append((key, terms[terms.startIndex..<start])) }
        while start < terms.endIndex {
            let next = String(terms[start].name.prefix(length + 1))
            var end = start
            while end < terms.endIndex, terms[end].name.hasPrefix(next) { end += 1 }
            result += shard(terms[start..<end], length: length + 1, key: next)
            start = end
        }
        return result
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

    private func appendTerms(_ terms: [Term], to bytes: inout [UInt8]) { appendTerms(terms[...], to: &bytes) }

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
