/// A run of furniture lines between stretches of text, with the page numbers it shows.
struct PageRun: Equatable {
    /// The run sits before content segment `position` (0: before all text; `segmentCount`: after it).
    var position: Int
    /// Page numbers read from the run's lines, in order.
    var numbers: [Int]
}

/// Turns the furniture runs of a text into a page number for each stretch of text between them.
///
/// Every run of furniture lines between text is one page break, so text segment `i` is the
/// `i+1`-th page counted from the start. Page numbers in the runs then fix the offset, read
/// either as footers (a run numbered `n` ends page `n`) or as headers (it starts page `n`);
/// the reading that more numbers agree with wins, ties going to the one that starts on page 1,
/// then to footers. A text with no break between stretches of text has unknown pages, even
/// when a lone number sits at its end (the `…domain.2` case).
struct PageMap: Equatable {
    /// Page of each content segment, by segment index.
    var pages: [Int]

    /// The highest page the text reaches.
    var pageCount: Int { pages.last ?? 0 }

    /// The page of a segment, nil when pages are unknown.
    func page(ofSegment segment: Int) -> Int? {
        pages.indices.contains(segment) ? pages[segment] : nil
    }

    /// Resolves pages, or nil when the text shows no page break.
    static func resolve(runs: [PageRun], segmentCount: Int) -> PageMap? {
        guard segmentCount > 1, runs.contains(where: { $0.position > 0 && $0.position < segmentCount }) else {
            return nil
        }
        // Offsets from "segment i is page i+1" implied by each number under each reading.
        let footerOffsets = runs.compactMap { run -> Int? in
            guard run.position >= 1, let number = run.numbers.first else { return nil }
            return number - run.position
        }
        let headerOffsets = runs.compactMap { run -> Int? in
            guard run.position < segmentCount, let number = run.numbers.last else { return nil }
            return number - run.position - 1
        }
        let footer = modalOffset(footerOffsets)
        let header = modalOffset(headerOffsets)
        let offset: Int
        if footer.votes != header.votes {
            offset = footer.votes > header.votes ? footer.offset : header.offset
        } else if header.offset == 0 && footer.offset != 0 {
            offset = header.offset
        } else {
            offset = footer.offset
        }
        return PageMap(pages: (0..<segmentCount).map { max(1, $0 + 1 + offset) })
    }

    /// The most common offset and how many numbers agree with it (smallest offset on ties).
    private static func modalOffset(_ offsets: [Int]) -> (offset: Int, votes: Int) {
        var counts: [Int: Int] = [:]
        for offset in offsets { counts[offset, default: 0] += 1 }
        let best = counts.sorted { ($0.value, -abs($0.key), -$0.key) > ($1.value, -abs($1.key), -$1.key) }.first
        return (best?.key ?? 0, best?.value ?? 0)
    }
}
