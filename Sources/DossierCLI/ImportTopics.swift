import DossierCore
import SiteGraph
import SiteLoading

/// The import report's topic part: which topics the build will tag each ¶ of the imported brief with,
/// so an editor sees at once whether the topics' phrases fit the new brief's wording.
enum ImportTopics {
    /// `¶3  host-nation-support, extended-deterrence` for each tagged ¶ of brief `slug` in `content`, after a
    /// count line and before the untagged ¶. Reads the brief and the topics as the build does.
    static func lines(slug: String, content: String) -> [String] {
        let loaded = ContentLoader(directory: content, fileSystem: .disk, includesDrafts: true, jobs: 1).load()
        guard let brief = loaded.site.briefs.first(where: { $0.slug == slug }) else { return [] }
        let topics = loaded.site.documents.filter { $0.kind == .topic }
        guard !topics.isEmpty else { return ["  topics:    none tagged (\(content)/topics/ holds no topic)"] }
        let input = SiteGraphInput(
            config: loaded.site.config, briefs: [brief], documents: topics,
            tagAdjustments: loaded.site.tagAdjustments.filter { $0.briefSlug == slug }
        )
        let tags = SiteGraph.build(input, jobs: 1).paragraphTags
        let numbers = brief.paragraphs.map(\.number)
        let tagged = numbers.compactMap { number in tags[ParagraphRef(briefSlug: slug, number: number)].map { (number, $0) } }
        var lines = ["  topics:    \(tagged.count) of \(numbers.count) ¶ tagged"]
        let width = "¶\(numbers.last ?? 0)".count
        for (number, slugs) in tagged {
            let label = "¶\(number)"
            lines.append("    " + label + String(repeating: " ", count: width - label.count + 2) + slugs.joined(separator: ", "))
        }
        let untagged = numbers.filter { tags[ParagraphRef(briefSlug: slug, number: $0)] == nil }
        if !untagged.isEmpty {
            lines.append("    untagged: " + untagged.map { "¶\($0)" }.joined(separator: ", "))
        }
        return lines
    }
}
