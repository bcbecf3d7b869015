import DossierCore
import Foundation
import SiteBuild
import Testing

/// The real alliance site, built in memory from `content/` and `templates/`.
@Suite struct RealSiteTests {
    static let projectRoot = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().path
    static let result = SiteBuilder(options: BuildOptions(), fileSystem: .disk(root: projectRoot)).build()

    private func page(_ path: String) -> String {
        Self.result.files.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
    }

    @Test func buildsWithoutErrors() {
        #expect(Self.result.succeeded, "\(Self.result.diagnostics)")
    }

    @Test func everyTopicPageQuotesABriefParagraph() throws {
        let topics = try FileManager.default.contentsOfDirectory(atPath: Self.projectRoot + "/content/topics").filter { $0.hasSuffix(".md") }
        #expect(topics.count == 12)
        for topic in topics {
            let html = page("topics/\(topic.dropLast(3))/index.html")
            #expect(html.contains("class=\"excerpt\""), "\(topic) quotes no paragraph")
        }
    }

    @Test func everyQuotationInTheContentIsVerified() throws {
        let tally = try #require(Self.result.graph?.quotationTally)
        #expect(!Self.result.diagnostics.contains { $0.message.hasPrefix("quotation ") })
        // About 240 quoted passages sit beside citations; a scanner that stopped seeing them would drop this.
        #expect(tally.quotations >= 200)
        #expect(tally.paragraphs >= 20)
    }

    @Test func noPageFurnitureReachesTheSite() {
        let furniture = ["stimson.org 202.223.5956", "1211 Connecticut Avenue", "| Japan Program November 2024"]
        for file in Self.result.files where file.path.hasSuffix(".html") || file.path.hasSuffix(".js") {
            let text = String(decoding: file.bytes, as: UTF8.self)
            for line in furniture {
                #expect(!text.contains(line), "\(file.path) contains furniture '\(line)'")
            }
        }
    }

    @Test func briefPagesCarryEverySentenceOfTheirSource() throws {
        for slug in ["japan-alliance-trump-2", "positive-disruptor"] {
            let html = page("briefs/\(slug)/index.html")
            let source = try String(contentsOfFile: Self.projectRoot + "/content/briefs/\(slug).txt", encoding: .utf8)
            var checked = 0
            for line in source.split(separator: "\n") where line.split(separator: " ").count > 12 {
                for sentence in Sentences.split(String(line)) where sentence.count > 40 {
                    #expect(html.contains(sentence.htmlEscaped), "\(slug): missing “\(sentence.prefix(60))…”")
                    checked += 1
                }
            }
            #expect(checked > 20)
        }
    }

    @Test func theSplitParagraphIsOneParagraph() {
        let html = page("briefs/positive-disruptor/index.html")
        #expect(html.contains("can go a long way to strengthen the existing minilateral cooperative frameworks"))
    }

    @Test func citationsLinkToParagraphAnchorsThatExist() {
        let html = page("commentary/host-nation-support-talks/index.html")
        #expect(html.contains("class=\"citation\""))
        let brief = page("briefs/japan-alliance-trump-2/index.html")
        #expect(brief.contains("id=\"p12\""))
    }
}
