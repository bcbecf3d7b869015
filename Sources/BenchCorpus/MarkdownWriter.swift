import Foundation

/// Writes the Markdown of one topic or commentary piece from its own random stream.
struct MarkdownWriter {
    var random: SeededRandom
    let topics: [String]
    let briefs: [String]
    let commentary: [String]
    private var footnotes: [String] = []

    init(random: SeededRandom, topics: [String], briefs: [String], commentary: [String]) {
        self.random = random
        self.topics = topics
        self.briefs = briefs
        self.commentary = commentary
    }

    // MARK: Pages

    mutating func commentary(index: Int) -> String {
        let chosenTopics = random.sample(topics, count: random.int(in: 1...4))
        let year = 2019 + random.below(7)
        let date = String(format: "%04d-%02d-%02d", year, 1 + random.below(12), 1 + random.below(28))
        var text = "---\n"
        text += "title: \(quoted(title()))\n"
        text += "date: \(date)\n"
        text += "summary: \(quoted(sentence(links: false)))\n"
        text += "topics:\n" + chosenTopics.map { "  - \($0)\n" }.joined()
        text += "---\n"
        let target = random.int(in: 2000...3500)
        text += paragraph(sentences: random.int(in: 3...4), focus: chosenTopics) + "\n\n"
        let wantsTable = random.chance(12)
        let wantsFootnote = random.chance(20)
        var blocks = 0
        while text.utf8.count < target {
            blocks += 1
            if blocks % 3 == 1 {
                text += "## \(random.pick(Vocabulary.headingWords))\n\n"
            }
            switch random.below(10) {
            case 0: text += bulletList(focus: chosenTopics)
            case 1: text += numberedList()
            case 2 where wantsTable && !text.contains("\n| "): text += table(focus: chosenTopics)
            case 3 where wantsFootnote && footnotes.isEmpty: text += footnoteParagraph()
            case 4: text += "> " + sentence(links: true) + " " + sentence(links: false) + "\n"
            default: text += paragraph(sentences: random.int(in: 2...4), focus: chosenTopics)
            }
            text += "\n\n"
        }
        for (number, note) in footnotes.enumerated() {
            text += "[^\(number + 1)]: \(note)\n"
        }
        return text
    }

    mutating func topicPage(topic: (slug: String, title: String, aliases: [String]), random: inout SeededRandom) -> String {
        let related = random.sample(topics.filter { $0 != topic.slug }, count: random.int(in: 2...3))
        var text = "---\n"
        text += "title: \(quoted(topic.title))\n"
        text += "summary: \(quoted("What the briefs and the commentary say about \(topic.title.lowercased())."))\n"
        text += "phrases:\n" + topic.aliases.map { "  - \(quoted($0))\n" }.joined()
        text += "related:\n" + related.map { "  - \($0)\n" }.joined()
        text += "---\n"
        for _ in 0..<3 {
            text += paragraph(sentences: 3, focus: [topic.slug] + related) + "\n\n"
        }
        let reading = random.sample(Array(commentary.prefix(500)), count: min(4, commentary.count))
        text += "## Further reading\n\n" + reading.map { "- [[\($0)]]\n" }.joined()
        return text
    }

    // MARK: Blocks

    private mutating func paragraph(sentences count: Int, focus: [String]) -> String {
        (0..<count).map { _ in sentence(links: true, focus: focus) }.joined(separator: " ")
    }

    private mutating func bulletList(focus: [String]) -> String {
        (0..<random.int(in: 3...5)).map { _ in
            "- " + (random.chance(30) ? "**\(random.pick(Vocabulary.objects).capitalizedFirst)**: " : "") + sentence(links: random.chance(40), focus: focus)
        }.joined(separator: "\n")
    }

    private mutating func numberedList() -> String {
        (0..<random.int(in: 3...4)).enumerated().map { number, _ in
            "\(number + 1). " + sentence(links: random.chance(30))
        }.joined(separator: "\n")
    }

    private mutating func table(focus: [String]) -> String {
        var rows = ["| Item | \(2021 + random.below(3)) | Change |", "|---|---:|:---:|"]
        for _ in 0..<random.int(in: 3...5) {
            let label = random.chance(30) ? "[[\(random.pick(focus))]]" : random.pick(Vocabulary.objects).capitalizedFirst
            rows.append("| \(label) | \(random.int(in: 1...900)).\(random.below(10)) | \(random.pick(["up", "down", "*flat*", "~~n/a~~"])) |")
        }
        return rows.joined(separator: "\n")
    }

    private mutating func footnoteParagraph() -> String {
        footnotes.append("The figure is rounded; see \(citation()) and \(random.pick(Vocabulary.linkHosts)) for the source tables.")
        return sentence(links: false) + "[^\(footnotes.count)] " + sentence(links: true)
    }

    // MARK: Sentences

    private mutating func sentence(links: Bool, focus: [String] = []) -> String {
        var words: [String] = []
        if random.chance(35) { words.append(random.pick(Vocabulary.openers)) }
        var actor = random.pick(Vocabulary.actors)
        if words.isEmpty { actor = actor.capitalizedFirst }
        words.append(actor)
        var object = random.pick(Vocabulary.objects)
        switch random.below(8) {
        case 0: object = "*\(object)*"
        case 1: object = "**\(object)**"
        // Scare quotes in single marks: double marks beside a citation would be checked as a quotation.
        case 2: object = "‘\(object)’"
        default: break
        }
        words.append(random.pick(Vocabulary.verbs))
        words.append(object)
        if random.chance(40) {
            // A dashed aside always has words after it.
            words.append("— \(random.pick(Vocabulary.claims)) —")
            words.append(random.pick(Vocabulary.qualifiers))
        } else if random.chance(50) {
            words.append(random.pick(Vocabulary.qualifiers))
        }
        if links {
            switch random.below(9) {
            case 0, 1: words.append("(see [[\(random.pick(focus.isEmpty ? topics : focus))]])")
            case 2: words.append("as [[\(random.pick(commentary))|an earlier piece]] argued")
            case 3: words.append("in the sense of [[\(random.pick(topics))|\(random.pick(Vocabulary.claims))]]")
            case 4: words.append("according to [\(random.pick(Vocabulary.actors))'s statement](\(random.pick(Vocabulary.linkHosts))\(random.int(in: 1000...9999)).html)")
            case 5: words.append("as [[\(random.pick(commentary))]] notes")
            default: break
            }
        }
        var text = words.joined(separator: " ")
        if links, random.chance(45) { text += " " + citation() }
        return text + "."
    }

    private mutating func citation() -> String {
        let brief = random.pick(briefs)
        let first = random.int(in: 1...(CorpusGenerator.briefParagraphs - 4))
        if random.chance(25) { return "[[\(brief)#p\(first)-p\(first + random.int(in: 1...3))]]" }
        return "[[\(brief)#p\(first)]]"
    }

    private mutating func title() -> String {
        let first = random.pick(Vocabulary.titleWords)
        var second = random.pick(Vocabulary.titleWords)
        if second == first { second = "Choices" }
        return random.pick(["\(first) and \(second.lowercased())", "The \(first.lowercased()) question", "\(first), \(second.lowercased()) and \(random.pick(Vocabulary.actors))", "Why \(first.lowercased()) matter"])
    }

    private func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
