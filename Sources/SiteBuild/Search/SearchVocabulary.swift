/// Every term of the index once, numbered in the order first seen, so that entries hold small numbers
/// instead of strings and postings are arrays indexed by term. Kept with the index's cache: entries
/// reused from the last build keep their numbers, and a term no entry has any more simply has no
/// postings.
struct SearchVocabulary {
    private(set) var terms: [String] = []
    private var numbers: [String: Int32] = [:]

    /// The number of `term`, given one if it is new.
    mutating func number(of term: String) -> Int32 {
        if let number = numbers[term] { return number }
        let number = Int32(terms.count)
        terms.append(term)
        numbers[term] = number
        return number
    }
}

/// One term of an entry and its weight: twice its count in the text, plus one when the title has it.
struct TermWeight: Equatable {
    var term: Int32
    var weight: Int32
}

/// Counts an entry's terms in a table indexed by term number (no dictionary per entry).
struct TermCounter {
    private var counts: [Int32] = []
    private var seen: [Int32] = []

    mutating func weights(text: [String], title: [String], vocabulary: inout SearchVocabulary) -> [TermWeight] {
        for term in text { add(vocabulary.number(of: term), 2) }
        for term in title {
            let number = vocabulary.number(of: term)
            add(number, counts.indices.contains(Int(number)) && counts[Int(number)] & 1 == 1 ? 0 : 1)
        }
        let weights = seen.map { TermWeight(term: $0, weight: counts[Int($0)]) }
        for number in seen { counts[Int(number)] = 0 }
        seen.removeAll(keepingCapacity: true)
        return weights
    }

    private mutating func add(_ number: Int32, _ weight: Int32) {
        if Int(number) >= counts.count { counts += [Int32](repeating: 0, count: Int(number) + 1 - counts.count + 1024) }
        if counts[Int(number)] == 0 { seen.append(number) }
        counts[Int(number)] += weight
    }
}
