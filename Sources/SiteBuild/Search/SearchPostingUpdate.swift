/// Changing the postings of one entry in place, for an incremental rebuild: the lists come out as
/// `SearchIndex.postings` would make them from scratch.
extension SearchIndex {
    /// Moves `entry` from weights `old` to `new` in `postings` (by term number); returns the terms
    /// whose lists changed.
    static func update(_ postings: inout [[Int32]], entry: Int, from old: [TermWeight], to new: [TermWeight]) -> [Int32] {
        var before: [Int32: Int32] = [:]
        for weight in old { before[weight.term] = min(weight.weight, 999) }
        var changed: [Int32] = []
        for weight in new {
            let value = min(weight.weight, 999)
            if before.removeValue(forKey: weight.term) != value {
                set(&postings[Int(weight.term)], entry: Int32(entry), weight: value)
                changed.append(weight.term)
            }
        }
        for term in before.keys {
            set(&postings[Int(term)], entry: Int32(entry), weight: nil)
            changed.append(term)
        }
        return changed
    }

    /// Sets the weight of `entry` in a flat gap-coded list (nil: removes it), entries kept ascending.
    static func set(_ list: inout [Int32], entry: Int32, weight: Int32?) {
        var before: Int32 = 0
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
}

extension SearchIndexLayout.Term {
    /// Puts `name`'s new postings into sorted `terms`: replaced, inserted in order, or (empty) removed.
    static func replace(_ name: String, postings: [Int32], in terms: inout [Self]) {
        let place = insertionPoint(of: name, in: terms)
        let present = place < terms.count && terms[place].name == name
        switch (present, postings.isEmpty) {
        case (true, false): terms[place].postings = postings
        case (true, true): terms.remove(at: place)
        case (false, false): terms.insert(Self(name: name, postings: postings), at: place)
        case (false, true): break
        }
    }

    /// Where `name` is or would go in sorted `terms`.
    static func insertionPoint(of name: String, in terms: [Self]) -> Int {
        var low = 0, high = terms.count
        while low < high {
            let middle = (low + high) / 2
            if terms[middle].name < name { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
