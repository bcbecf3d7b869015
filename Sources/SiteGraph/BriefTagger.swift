import DossierCore

/// Tags brief paragraphs with the topics whose aliases occur in them, then applies sidecar overrides.
struct BriefTagger {
    private let topics: [ContentDocument]
    private let matcher: AliasMatcher
    /// (topic index, alias index) for each matcher pattern id.
    private let patterns: [(topic: Int, alias: Int)]
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var unmatchedAliases: [String: [ContentDocument.Located<String>]] = [:]

    init(topics: [ContentDocument]) {
        self.topics = topics
        var phrases: [(phrase: String, id: AliasMatcher.PatternID)] = []
        var patterns: [(topic: Int, alias: Int)] = []
        for (topicIndex, topic) in topics.enumerated() {
            for (aliasIndex, alias) in topic.aliases.enumerated() {
                phrases.append((alias.value, patterns.count))
                patterns.append((topicIndex, aliasIndex))
            }
        }
        self.patterns = patterns
        matcher = AliasMatcher(phrases: phrases)
    }

    /// Topic slugs (in topic order) for each paragraph that has any.
    mutating func tag(_ briefs: [Brief], adjustments: [TagAdjustment]) -> [ParagraphRef: [String]] {
        var tags: [ParagraphRef: Set<Int>] = [:]
        var matchedPatterns: Set<Int> = []
        for brief in briefs {
            for paragraph in brief.paragraphs {
                let found = matcher.matches(in: paragraph.fullText)
                guard !found.isEmpty else { continue }
                matchedPatterns.formUnion(found)
                tags[ParagraphRef(briefSlug: brief.slug, number: paragraph.number)] = Set(found.map { patterns[$0].topic })
            }
        }
        applyAdjustments(adjustments, briefs: briefs, to: &tags)
        for (id, pattern) in patterns.enumerated() where !matchedPatterns.contains(id) {
            let topic = topics[pattern.topic]
            unmatchedAliases[topic.slug, default: []].append(topic.aliases[pattern.alias])
        }
        var result: [ParagraphRef: [String]] = [:]
        for (reference, topicIndexes) in tags where !topicIndexes.isEmpty {
            result[reference] = topicIndexes.sorted().map { topics[$0].slug }
        }
        return result
    }

    private mutating func applyAdjustments(_ adjustments: [TagAdjustment], briefs: [Brief], to tags: inout [ParagraphRef: Set<Int>]) {
        let topicIndex = Dictionary(topics.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { first, _ in first })
        let paragraphCounts = Dictionary(briefs.map { ($0.slug, $0.paragraphCount) }, uniquingKeysWith: { first, _ in first })
        for adjustment in adjustments {
            guard let count = paragraphCounts[adjustment.briefSlug] else {
                diagnostics.append(.error("tag override for unknown brief '\(adjustment.briefSlug)'", at: adjustment.location))
                continue
            }
            guard (1...max(count, 1)).contains(adjustment.paragraph), count > 0 else {
                diagnostics.append(.error("tag override names ¶\(adjustment.paragraph), but '\(adjustment.briefSlug)' has ¶1–¶\(count)", at: adjustment.location))
                continue
            }
            let reference = ParagraphRef(briefSlug: adjustment.briefSlug, number: adjustment.paragraph)
            for (slug, isAdding) in adjustment.add.map({ ($0, true) }) + adjustment.remove.map({ ($0, false) }) {
                guard let index = topicIndex[slug] else {
                    let hint = Suggestion.didYouMean(slug, among: topics.map(\.slug))
                    diagnostics.append(.error("tag override names unknown topic '\(slug)'\(hint)", at: adjustment.location))
                    continue
                }
                if isAdding { tags[reference, default: []].insert(index) } else { tags[reference]?.remove(index) }
            }
        }
    }
}
