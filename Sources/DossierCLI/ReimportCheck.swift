import DossierCore
import Foundation
import SiteLoading

/// Re-importing a brief must not silently move the ¶ numbers that commentary cites: this finds the
/// citations in `content/` whose paragraph would get another number (or disappear).
enum ReimportCheck {
    /// The brief as the build reads it from `folder` (text and sidecar there), or nil.
    static func builtBrief(slug: String, folder: String) -> Brief? {
        BriefLoader(directory: folder, fileSystem: .disk).load().briefs.first { $0.slug == slug }
    }

    /// Where each old ¶ number goes: the number of the first unused new ¶ with the same text, or nil.
    static func renumbering(old: [Paragraph], new: [Paragraph]) -> [Int: Int?] {
        var used: Set<Int> = []
        var result: [Int: Int?] = [:]
        for paragraph in old {
            let match = new.first { !used.contains($0.number) && $0.fullText == paragraph.fullText }
            if let match { used.insert(match.number) }
            result[paragraph.number] = match?.number
        }
        return result
    }

    /// `content/commentary/x.md:12: [[slug#p5]] cites ¶5, which becomes ¶6` for every citation that would move.
    static func movedCitations(slug: String, content: String, mapping: [Int: Int?]) -> [String] {
        var found: [String] = []
        let files = (FileManager.default.enumerator(atPath: content)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".md") }.sorted()
        let pattern = try? Regex("\\[\\[" + NSRegularExpression.escapedPattern(for: slug) + "#p([0-9]+)(?:-p([0-9]+))?")
        guard let pattern else { return [] }
        for file in files {
            let path = Path.join(content, file)
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for match in line.matches(of: pattern) {
                    let numbers = (1..<match.output.count).compactMap { match.output[$0].substring.flatMap { Int($0) } }
                    for number in numbers {
                        let target = mapping[number] ?? nil
                        guard target != number else { continue }
                        let fate = target.map { "which becomes ¶\($0)" } ?? "whose text is no longer in the brief"
                        found.append("\(path):\(index + 1): \(line[match.range]) cites ¶\(number), \(fate)")
                    }
                }
            }
        }
        return found
    }
}
