/// A text prepared for comparing quotations: typographic variants folded to one form, each folded
/// character remembering where it came from so a match can be shown (and linked) in the original.
///
/// Folding: every quotation mark and apostrophe becomes `'`, every dash `-` (without the spaces
/// around it, so "are – and" equals "are—and"), runs of white space one space; soft hyphens, zero
/// widths and Markdown's `*` and `\` disappear. Letter case is kept: only the first letter of a
/// quoted passage may differ in case (see `QuotationPattern`).
struct FoldedText: Sendable {
    /// The folded characters.
    private(set) var scalars: [Unicode.Scalar] = []
    /// For each folded character, the index of its original in `original`.
    private(set) var origins: [Int] = []
    /// The text before folding.
    let original: [Unicode.Scalar]

    init(_ text: String) {
        original = Array(text.unicodeScalars)
        scalars.reserveCapacity(original.count)
        origins.reserveCapacity(original.count)
        var pendingSpace: Int?
        for (index, scalar) in original.enumerated() {
            if Self.ignored.contains(scalar) { continue }
            if scalar.properties.isWhitespace {
                if pendingSpace == nil, !scalars.isEmpty { pendingSpace = index }
                continue
            }
            let folded = Self.fold(scalar)
            if let space = pendingSpace {
                // No space beside a dash.
                if folded != "-", scalars.last != "-" { append(" ", from: space) }
                pendingSpace = nil
            }
            append(folded, from: index)
        }
    }

    private mutating func append(_ scalar: Unicode.Scalar, from index: Int) {
        scalars.append(scalar)
        origins.append(index)
    }

    var count: Int { scalars.count }

    /// The index in `original` of folded character `index`.
    func originOffset(_ index: Int) -> Int { origins[index] }

    /// The original text behind folded characters `range`.
    func originalText(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: original[origins[range.lowerBound]...origins[range.upperBound - 1]])
        return String(view)
    }

    /// Word ranges (runs between spaces) of the folded text.
    var words: [Range<Int>] {
        var result: [Range<Int>] = []
        var start: Int?
        for (index, scalar) in scalars.enumerated() {
            if scalar == " " {
                if let begun = start { result.append(begun..<index) }
                start = nil
            } else if start == nil {
                start = index
            }
        }
        if let begun = start { result.append(begun..<scalars.count) }
        return result
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private static let ignored: Set<Unicode.Scalar> = ["\u{AD}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{FEFF}", "*", "\\"]
    private static let quoteMarks: Set<Unicode.Scalar> = [
        "\"", "'", "`", "´", "‘", "’", "‚", "‛", "“", "”", "„", "‟", "«", "»", "′", "″",
    ]
    private static let dashes: Set<Unicode.Scalar> = ["-", "‐", "‑", "‒", "–", "—", "―", "−"]

    private static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if quoteMarks.contains(scalar) { return "'" }
        if dashes.contains(scalar) { return "-" }
        return scalar
    }
}
