/// Where a tagged PDF says paragraphs begin: the opening letters of each block element's text
/// (`PDFStructureReader`), matched against a line's opening letters. Only ASCII letters count, so
/// spacing, note numbers, ligatures and the way the tree joins lines do not matter.
struct TaggedBlocks {
    /// Opening letters (at most `keyLength`) of each block.
    private var openings: Set<String> = []

    static let keyLength = 24
    /// Fewer letters than this tell too little to match on.
    static let minimumLetters = 8

    init(blockTexts: [String] = []) {
        for text in blockTexts {
            let key = Self.key(text)
            if key.count >= Self.minimumLetters { openings.insert(key) }
        }
    }

    var isEmpty: Bool { openings.isEmpty }

    /// Whether the tags say a block begins with this line: its opening letters are a block's opening
    /// letters (a short line must be the block's whole opening).
    func startsBlock(_ line: String) -> Bool {
        let key = Self.key(line)
        return key.count >= Self.minimumLetters && openings.contains(key)
    }

    static func key(_ text: String) -> String {
        String(text.unicodeScalars.lazy.filter { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
            .prefix(keyLength).map { Character($0) }).lowercased()
    }
}
