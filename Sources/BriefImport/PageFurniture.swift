/// Running heads and feet that occur once, so repetition cannot find them (text from `pdftotext`).
extension FurnitureDetector {
    /// Lines that echo a line of the masthead with a separator or a number beside it
    /// (`Ellison — Rapport and Its Limits`, `Issue Brief | Counting What Counts`): running heads.
    /// `original` holds the lines before the masthead was taken out of them.
    static func echoes(in lines: [SourceLine], original: [SourceLine], furniture: [Int: Furniture]) -> [Int] {
        // The masthead: the first lines, up to the first that reads as prose (long, or a sentence).
        let lead = Array(original.indices.filter { !original[$0].isBlank }.prefix(8)
            .prefix { original[$0].text.count <= 80 && !LineShape.endsWithTerminator(original[$0].text) })
        let echoed = lead.map { original[$0].text }.filter { $0.count >= 10 && !DateReader.isDateLine($0) }
        guard !echoed.isEmpty else { return [] }
        let leadSet = Set(lead)
        return lines.indices.filter { index in
            let text = lines[index].text
            guard !leadSet.contains(index), furniture[index] == nil, !lines[index].isBlank, isRunningLine(text) else { return false }
            return echoed.contains { title in
                guard text != title, let range = text.range(of: title) else { return false }
                let rest = text[..<range.lowerBound] + text[range.upperBound...]
                return rest.contains { "|—–·•/:".contains($0) || $0.isNumber }
            }
        }
    }

    /// In text with page breaks (form feeds) whose headings sit right on their text (no blank line
    /// after them, as `pdftotext` prints them), a heading-shaped line standing alone between blank
    /// lines is no heading but a stray footer or imprint the extractor placed mid-text.
    static func strayLines(in lines: [SourceLine], furniture: [Int: Furniture], excluding: Set<Int>, from start: Int) -> [Int] {
        guard lines.contains(where: \.hasFormFeed) else { return [] }
        func isText(_ index: Int) -> Bool {
            lines.indices.contains(index) && !lines[index].isBlank && furniture[index] == nil && !excluding.contains(index)
        }
        var attached = 0
        var alone: [Int] = []
        for index in lines.indices where index >= start && isText(index) && !lines[index].isTable
            && LineShape.isHeadingShaped(lines[index].text) && LineShape.listItem(lines[index].text) == nil {
            if isText(index + 1) {
                attached += 1
            } else if lines.indices.contains(index - 1), lines[index - 1].isBlank, index + 1 < lines.count, lines[index + 1].isBlank {
                alone.append(index)
            }
        }
        return attached >= 2 && attached > alone.count ? alone : []
    }

    /// In text with page breaks (form feeds), a short line alone at the foot of a page, after a blank
    /// line and ending without punctuation: an imprint or footer (`Legislative Research Office · R48117`).
    static func pageFeet(in lines: [SourceLine], furniture: [Int: Furniture], excluding: Set<Int>) -> [Int] {
        guard lines.contains(where: \.hasFormFeed) else { return [] }
        var feet: [Int] = []
        for page in BackMatter.pages(lines) {
            let content = page.filter { !lines[$0].isBlank && furniture[$0] == nil && !excluding.contains($0) && !lines[$0].isTable }
            guard let last = content.last, content.count >= 2 else { continue }
            let text = lines[last].text
            guard content[content.count - 2] < last - 1, lines[last - 1].isBlank,
                  LineShape.words(text).count <= 8, !LineShape.endsWithTerminator(text), !LineShape.startsLowercase(text),
                  LineShape.listItem(text) == nil else { continue }
            feet.append(last)
        }
        return feet
    }
}
