import BenchCorpus
import DossierCore
import Foundation
import SiteBuild
import Testing

@Suite struct CorpusGeneratorTests {
    @Test func sameSeedGivesIdenticalFiles() {
        let first = CorpusGenerator(pages: 60, seed: 7).files()
        let second = CorpusGenerator(pages: 60, seed: 7).files()
        #expect(first == second)
    }

    @Test func anotherSeedGivesOtherText() {
        let first = CorpusGenerator(pages: 20, seed: 1).files()
        let second = CorpusGenerator(pages: 20, seed: 2).files()
        #expect(first.map(\.path).count == second.map(\.path).count)
        #expect(first != second)
    }

    @Test func pagesAreTwoToFourKilobytesWithFrontMatterAndTopics() {
        let pages = CorpusGenerator(pages: 200, seed: 3).files().filter { $0.path.hasPrefix("content/commentary/") }
        #expect(pages.count == 200)
        for page in pages {
            #expect((1900...4300).contains(page.text.utf8.count), "\(page.path) is \(page.text.utf8.count) bytes")
            #expect(page.text.hasPrefix("---\ntitle: "))
            let topics = page.text.components(separatedBy: "\n---\n")[0].split(separator: "\n").filter { $0.hasPrefix("  - ") }
            #expect((1...4).contains(topics.count))
        }
        let all = pages.map(\.text).joined()
        for feature in ["\n## ", "\n- ", "\n1. ", "\n| ", "[^1]", "**", "](https://", "[[", "#p"] {
            #expect(all.contains(feature), "no \(feature) anywhere")
        }
    }

    /// A small corpus builds with the real templates without errors, and every brief has all its citable paragraphs.
    @Test func smallCorpusBuildsCleanly() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-bench-test-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let generator = CorpusGenerator(pages: 30, seed: 5)
        try generator.write(to: root)
        #expect(generator.isCached(in: root))
        let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("templates").path
        let options = BuildOptions(contentDirectory: root + "/content", templatesDirectory: templates, outputDirectory: root + "/site")
        let result = SiteBuilder(options: options).build()
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.prefix(5))")
        let briefs = result.graph?.briefs ?? []
        #expect(briefs.count == generator.briefCount)
        for brief in briefs {
            #expect(brief.paragraphs.count == CorpusGenerator.briefParagraphs, "\(brief.slug) has \(brief.paragraphs.count) paragraphs")
        }
    }
}
