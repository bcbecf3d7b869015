import BriefImport
import DossierCore
import Foundation
import Testing

/// Fidelity of the two seed briefs in `content/briefs/`, imported without their sidecars.
@Suite struct SeedBriefTests {
    static let essayPath = "content/briefs/japan-alliance-trump-2.txt"
    static let memoPath = "content/briefs/positive-disruptor.txt"

    static func load(_ path: String) -> (source: String, result: BriefImportResult) {
        let source = TestFiles.text(path)
        let slug = String(path.split(separator: "/").last?.dropLast(4) ?? "")
        return (source, BriefImporter.analyze(text: source, slug: slug, sourcePath: path, sidecar: nil))
    }

    /// Non-empty source lines with their 1-based numbers.
    static func sourceLines(_ source: String) -> [(number: Int, text: String)] {
        source.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { ($0.offset + 1, String($0.element)) }
            .filter { !$0.text.isEmpty }
    }

    /// Sentences of a text: split after `.!?` that follows a lower-case letter or digit and precedes a capital.
    static func sentences(_ text: String) -> [String] {
        let marked = text.replacingOccurrences(
            of: #"(?<=[a-z0-9\)\]"”][.!?]["”]?)\s+(?=[A-Z"“])"#, with: "\u{1}", options: .regularExpression
        )
        return marked.split(separator: "\u{1}").map(String.init)
    }

    /// Checks each sentence of the expected body occurs exactly once in the paragraphs, in order.
    static func expectSentencesOnceInOrder(body: String, paragraphs: [Paragraph]) {
        let joined = paragraphs.map(\.fullText).joined(separator: " ")
        var searchFrom = joined.startIndex
        let bodySentences = sentences(body)
        #expect(bodySentences.count > 20)
        for sentence in bodySentences {
            let occurrences = joined.ranges(of: sentence).count
            #expect(occurrences == 1, "\(occurrences) copies of: \(sentence)")
            if let range = joined[searchFrom...].range(of: sentence) {
                searchFrom = range.upperBound
            } else {
                Issue.record("out of order or missing: \(sentence)")
            }
        }
    }

    // MARK: - 000: one paragraph per line, one title-case heading

    @Test func essayHasOneParagraphPerLineAndWayForwardHeading() {
        let (source, result) = Self.load(Self.essayPath)
        let lines = Self.sourceLines(source)
        #expect(lines.count == 14)
        let brief = result.brief
        #expect(result.diagnostics.isEmpty)
        #expect(brief.sections.map(\.heading) == [nil, "Way Forward"])
        #expect(brief.sections.map(\.paragraphs.count) == [8, 5])
        #expect(brief.sections[1].line == 9)
        let bodyLines = lines.filter { $0.text != "Way Forward" }
        #expect(brief.paragraphs.count == 13)
        for (paragraph, line) in zip(brief.paragraphs, bodyLines) {
            #expect(paragraph.fullText == line.text)
            #expect(paragraph.lines == line.number...line.number)
            #expect(paragraph.page == nil)
            #expect(paragraph.leadIn == nil)
            #expect(paragraph.kind == .prose)
        }
        #expect(brief.pageCount == nil)
    }

    @Test func essaySentencesAppearOnceInOrder() {
        let (source, result) = Self.load(Self.essayPath)
        let body = Self.sourceLines(source).map(\.text).filter { $0 != "Way Forward" }.joined(separator: " ")
        #expect(result.brief.paragraphs.map(\.fullText).joined(separator: " ") == body)
        Self.expectSentencesOnceInOrder(body: body, paragraphs: result.brief.paragraphs)
    }

    @Test func essayWithoutMastheadFallsBackOnSlugTitle() {
        let (_, result) = Self.load(Self.essayPath)
        #expect(result.mastheadLines.isEmpty)
        #expect(result.brief.metadata.authors.isEmpty)
        #expect(result.brief.metadata.title == "Japan alliance trump 2")
        #expect(result.brief.metadata.citationLabel == "Japan alliance trump 2")
    }

    // MARK: - 003: masthead, furniture, page split, recommendations

    static let memoFurniture: Set<String> = [
        "stimson.org 202.223.5956", "WASHINGTON 1211 Connecticut Avenue, NW 8th Floor 20036",
        "2 | Japan Program November 2024", "3 | Japan Program November 2024", "4 | Japan Program November 2024",
    ]
    static let memoHeadings = ["TOPLINE", "THE PROBLEM", "ESSENTIAL CONTEXT", "POLICY RECOMMENDATIONS"]

    @Test func memoHeadingsMatchSource() {
        let (source, result) = Self.load(Self.memoPath)
        let sourceHeadings = Self.sourceLines(source).map(\.text).filter { Self.memoHeadings.contains($0) }
        #expect(sourceHeadings == Self.memoHeadings)
        #expect(result.brief.sections.map(\.heading) == Self.memoHeadings)
        #expect(result.brief.sections.map(\.slug) == ["topline", "the-problem", "essential-context", "policy-recommendations"])
        #expect(result.brief.sections.map(\.paragraphs.count) == [1, 1, 7, 3])
    }

    @Test func memoMastheadLandsInMetadata() {
        let (_, result) = Self.load(Self.memoPath)
        let metadata = result.brief.metadata
        #expect(metadata.authors == ["Yuki Tatsumi"])
        #expect(metadata.date == "November 2024")
        #expect(metadata.title == "Be a Positive Disruptor in the Indo-Pacific")
        #expect(metadata.subtitle?.hasPrefix("President-elect Trump's unconventional approach") == true)
        #expect(metadata.program == "Japan Program")
        #expect(metadata.citationLabel == "Tatsumi 2024")
        #expect(result.mastheadLines.count == 6)
        let texts = result.brief.paragraphs.map(\.fullText)
        for line in result.mastheadLines {
            #expect(!texts.contains { $0.contains(line) }, "masthead line in body: \(line)")
        }
    }

    @Test func memoBodyIsFaithfulAndFurnitureFree() {
        let (source, result) = Self.load(Self.memoPath)
        let lines = Self.sourceLines(source).map(\.text)
        let body = lines.dropFirst(6)
            .filter { !Self.memoFurniture.contains($0) && !Self.memoHeadings.contains($0) }
            .joined(separator: " ")
        let paragraphs = result.brief.paragraphs
        #expect(paragraphs.map(\.fullText).joined(separator: " ") == body)
        Self.expectSentencesOnceInOrder(body: body, paragraphs: paragraphs)
        for paragraph in paragraphs {
            for furniture in Self.memoFurniture {
                #expect(!paragraph.fullText.contains(furniture))
            }
            #expect(!paragraph.fullText.contains("Japan Program November"))
            #expect(!paragraph.fullText.contains("stimson.org"))
        }
        #expect(Set(result.detectedFurniture) == Self.memoFurniture)
    }

    @Test func memoPageSplitParagraphIsOne() throws {
        let (source, result) = Self.load(Self.memoPath)
        let split = try #require(result.brief.paragraphs.first { $0.fullText.contains("can go a long way to strengthen") })
        #expect(split.fullText.contains("can go a long way to strengthen the existing minilateral cooperative frameworks"))
        #expect(split.number == 11)
        let lines = Self.sourceLines(source)
        let first = try #require(lines.first { $0.text.hasSuffix("go a long way to strengthen") })
        let second = try #require(lines.first { $0.text.hasPrefix("the existing minilateral") })
        #expect(split.lines == first.number...second.number)
        #expect(split.page == 3)
        #expect(result.brief.paragraphs.count == 12)
    }

    @Test func memoPagesFollowFurnitureLines() {
        let (source, result) = Self.load(Self.memoPath)
        let lines = Self.sourceLines(source)
        // Page ends, read off the source: the contact block closes page 1, `N | …` closes page N.
        var pageEnds: [(line: Int, page: Int)] = []
        for line in lines {
            if line.text.hasPrefix("stimson.org") { pageEnds.append((line.number, 1)) }
            if let number = Int(line.text.prefix(1)), line.text.hasSuffix("| Japan Program November 2024") {
                pageEnds.append((line.number, number))
            }
        }
        #expect(pageEnds.map(\.page) == [1, 2, 3, 4])
        for paragraph in result.brief.paragraphs {
            let expected = pageEnds.first { $0.line > paragraph.lines.lowerBound }?.page
            #expect(paragraph.page == expected, "¶\(paragraph.number)")
        }
        #expect(result.brief.paragraphs.map { $0.page ?? 0 } == [1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4])
        #expect(result.brief.pageCount == 4)
    }

    @Test func memoRecommendationLeadIns() {
        let (_, result) = Self.load(Self.memoPath)
        let recommendations = result.brief.sections.last?.paragraphs ?? []
        #expect(recommendations.map(\.leadIn) == [
            "Articulate why the U.S. considers more equitable alliances and partnership important.",
            "Encourage the deepening of partnership among U.S. allies and partners.",
            "Refrain from forcing the zero-sum choice.",
        ])
        #expect(recommendations.first?.text.hasPrefix("It is critical for U.S. allies") == true)
        let elsewhere = result.brief.sections.dropLast().flatMap(\.paragraphs)
        #expect(elsewhere.allSatisfy { $0.leadIn == nil })
    }

    @Test func memoKeepsUnicodePunctuation() {
        let (_, result) = Self.load(Self.memoPath)
        let text = result.brief.paragraphs.map(\.fullText).joined(separator: " ")
        #expect(text.contains("consequences—North Korean soldiers"))
        #expect(text.contains("vis-à-vis China"))
        #expect(text.contains("take notice – and"))
    }
}

/// The seeds imported with the furniture patterns of their committed sidecars.
@Suite struct SeedSidecarTests {
    /// The single-quoted items of a top-level YAML list in a sidecar we wrote ourselves.
    static func listItems(_ key: String, in yaml: String) -> [String] {
        var items: [String] = []
        var inList = false
        for line in yaml.split(separator: "\n") {
            if line.hasPrefix("\(key):") { inList = true; continue }
            guard inList else { continue }
            guard line.hasPrefix("  - '"), line.hasSuffix("'") else { break }
            items.append(String(line.dropFirst(5).dropLast()).replacingOccurrences(of: "''", with: "'"))
        }
        return items
    }

    @Test func memoSidecarPatternsKeepThePages() {
        let yaml = TestFiles.text("content/briefs/positive-disruptor.yml")
        let patterns = Self.listItems("furniture", in: yaml)
        #expect(patterns.count == 3)
        let source = TestFiles.text(SeedBriefTests.memoPath)
        let withSidecar = BriefImporter.analyze(
            text: source, slug: "positive-disruptor", sourcePath: SeedBriefTests.memoPath,
            sidecar: BriefSidecar(furniturePatterns: patterns)
        )
        let without = SeedBriefTests.load(SeedBriefTests.memoPath).result
        #expect(withSidecar.diagnostics.isEmpty)
        #expect(withSidecar.brief == without.brief)
    }

    @Test func sidecarsSitBesideTheirBriefs() {
        for slug in ["japan-alliance-trump-2", "positive-disruptor"] {
            let yaml = TestFiles.text("content/briefs/\(slug).yml")
            for key in ["title:", "editorial_title:", "date:", "cite_as:", "tags:"] {
                #expect(yaml.contains("\n\(key)"), "\(slug).yml lacks \(key)")
            }
        }
    }
}
