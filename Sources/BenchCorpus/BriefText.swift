import Foundation

/// A long brief as text extracted from a PDF: a masthead, all-caps section headings, long paragraphs,
/// a running footer with page numbers and a contact line on every page, and paragraphs split by page breaks.
struct BriefText {
    let text: String
    let sidecar: String

    init(index: Int, random: inout SeededRandom) {
        let author = "\(Vocabulary.givenNames[index % Vocabulary.givenNames.count]) \(Vocabulary.surnames[index % Vocabulary.surnames.count])"
        let year = 2019 + index
        let month = Vocabulary.months[(index * 5) % 12]
        let program = ["Asia Program", "Alliance Studies Program", "Indo-Pacific Program"][index % 3]
        let title = "\(["Rethinking", "Sustaining", "Reforming", "Testing"][index % 4]) the \(["Alliance", "Coalition", "Partnership"][index % 3]) in a Contested Region"
        let headings = random.sample(
            ["TOPLINE", "THE PROBLEM", "ESSENTIAL CONTEXT", "THE REGIONAL PICTURE", "COSTS AND COMMITMENTS",
             "THE ECONOMIC DIMENSION", "DETERRENCE IN PRACTICE", "POLICY RECOMMENDATIONS", "WAY FORWARD"],
            count: 6
        )
        let footer = { (page: Int) in "\(page) | \(program) \(month) \(year)" }
        let contact = "example.org 202.555.0\(100 + index)"

        var lines: [String] = ["", program, "", "Policy Brief Series", "", "\(month) \(year)", "", title, "",
                               "Why the allies should plan for a harder decade, and what they can do about it", "", "By \(author)", ""]
        var page = 1
        var sinceBreak = 0
        let perSection = CorpusGenerator.briefParagraphs / headings.count
        for number in 1...CorpusGenerator.briefParagraphs {
            if (number - 1) % perSection == 0, (number - 1) / perSection < headings.count {
                lines += [headings[(number - 1) / perSection], ""]
            }
            let paragraph = Self.paragraph(random: &random)
            sinceBreak += 1
            if sinceBreak >= 7 {
                // A page break: footer and contact line, splitting the paragraph mid-sentence half the time.
                sinceBreak = 0
                page += 1
                if page % 2 == 0, let split = Self.splitPoint(paragraph) {
                    lines += [String(paragraph[..<split]), "", footer(page - 1), "", contact, "", String(paragraph[paragraph.index(after: split)...]), ""]
                } else {
                    lines += [paragraph, "", footer(page - 1), "", contact, ""]
                }
                continue
            }
            lines += [paragraph, ""]
        }
        lines.append(footer(page))
        text = lines.joined(separator: "\n") + "\n"

        var yaml = "# Sidecar for a generated brief.\n"
        yaml += "title: '\(title)'\neditorial_title: false\n"
        yaml += "subtitle: 'Why the allies should plan for a harder decade, and what they can do about it'\n"
        yaml += "authors:\n  - '\(author)'\n"
        yaml += "publisher: 'Example Institute'\nprogram: '\(program)'\ndate: '\(year)-\(String(format: "%02d", (index * 5) % 12 + 1))'\n"
        yaml += "cite_as: '\(author.split(separator: " ").last!) \(year)'\n"
        yaml += "furniture:\n  - '^[0-9]+ \\| \(program) \(month) [0-9]+$'\n  - '^example\\.org 202\\.555\\.0[0-9]+$'\n"
        yaml += "headings:\n" + headings.map { "  - '\($0)'\n" }.joined()
        yaml += "not_headings: []\ntags: []\n"
        sidecar = yaml
    }

    /// Four to seven sentences (about 500–900 bytes), most naming a topic alias so paragraphs get tagged.
    private static func paragraph(random: inout SeededRandom) -> String {
        var sentences: [String] = []
        for _ in 0..<random.int(in: 4...7) {
            let topic = random.pick(Vocabulary.topics)
            var parts = [random.pick(Vocabulary.openers), random.pick(Vocabulary.actors), random.pick(Vocabulary.verbs), random.pick(Vocabulary.objects)]
            if random.chance(60) { parts += ["on", random.pick(topic.aliases)] }
            if random.chance(50) { parts.append(random.pick(Vocabulary.qualifiers)) }
            sentences.append(parts.joined(separator: " ") + ".")
            if random.chance(40) { sentences.append(random.pick(Vocabulary.claims).capitalizedFirst + ".") }
        }
        return sentences.joined(separator: " ")
    }

    /// A space after a word in the middle, followed by a lower-case word: where a page break may fall.
    private static func splitPoint(_ paragraph: String) -> String.Index? {
        let middle = paragraph.index(paragraph.startIndex, offsetBy: paragraph.count / 2)
        var index = middle
        while index < paragraph.endIndex {
            if paragraph[index] == " " {
                let next = paragraph.index(after: index)
                let before = paragraph[paragraph.index(before: index)]
                if next < paragraph.endIndex, paragraph[next].isLowercase, before.isLetter { return index }
            }
            index = paragraph.index(after: index)
        }
        return nil
    }
}
