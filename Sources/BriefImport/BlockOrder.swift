/// Repairs the order of blocks that `pdftotext`'s default mode sometimes prints out of place on
/// multi-column pages: the block holding a column's foot (it ends mid-sentence, and the block after
/// it does not continue it) printed after the block that continues it (which opens in lower case
/// after a finished sentence). The foot's block moves to just before its continuation, where
/// the page-split paragraph is then rejoined. Blocks are runs of non-blank lines.
enum BlockOrder {
    static func repair(_ lines: inout [SourceLine], from start: Int) {
        let blocks = Self.blocks(lines, from: start)
        let lengths = lines.map(\.text.count).filter { $0 > 0 }.sorted()
        let width = lengths.isEmpty ? 0 : lengths[(lengths.count - 1) * 9 / 10]
        for (position, block) in blocks.enumerated() where position > 0 {
            // An orphaned continuation: lower case after a block that ends a sentence.
            guard let first = block.first, LineShape.startsLowercase(lines[first].text),
                  let before = blocks[position - 1].last, LineShape.endsWithTerminator(lines[before].text) else { continue }
            // The orphaned foot: a later block cut mid-sentence on a long line, not continued by what follows.
            guard let foot = blocks.indices.first(where: { index in
                guard index > position, let last = blocks[index].last else { return false }
                let text = lines[last].text
                let next = blocks.indices.contains(index + 1) ? blocks[index + 1].first.map { lines[$0].text } : nil
                return !LineShape.endsWithTerminator(text) && text.count * 10 >= width * 6
                    && !LineShape.isHeadingShaped(text) && !(next.map(LineShape.startsLowercase) ?? false)
            }) else { continue }
            let moved = blocks[foot].map { lines[$0] }
            let blank = SourceLine(number: moved.first?.number ?? 0, text: "", hasFormFeed: false)
            var reordered = Array(lines[..<first])
            reordered += moved + [blank]
            for index in first..<lines.count where !blocks[foot].contains(index) { reordered.append(lines[index]) }
            lines = reordered
            return
        }
    }

    /// Index runs of non-blank lines from `start` on.
    static func blocks(_ lines: [SourceLine], from start: Int) -> [[Int]] {
        var blocks: [[Int]] = []
        var current: [Int] = []
        for index in lines.indices where index >= start {
            if lines[index].isBlank {
                if !current.isEmpty { blocks.append(current) }
                current = []
            } else {
                current.append(index)
            }
        }
        if !current.isEmpty { blocks.append(current) }
        return blocks
    }
}
