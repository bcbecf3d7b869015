import BriefImport
import DossierCore
import Testing

/// `BriefSidecar.decode`, the one reader of `<slug>.yml`.
@Suite struct SidecarDecodeTests {
    @Test func everyKeyIsRead() throws {
        let yaml = """
            title: T
            editorial_title: true
            authors: [A, B]
            date: "2024-05"
            cite_as: A 2024
            furniture: ["^Page"]
            tags:
              - {paragraph: 3, add: [ports], remove: [tariffs]}
            """
        let decoded = BriefSidecar.decode(yaml, path: "content/briefs/b.yml")
        #expect(decoded.diagnostics.isEmpty)
        let sidecar = try #require(decoded.sidecar)
        #expect(sidecar.title == "T" && sidecar.editorialTitle && sidecar.authors == ["A", "B"])
        #expect(sidecar.date == "2024-05" && sidecar.citeAs == "A 2024" && sidecar.furniturePatterns == ["^Page"])
        #expect(sidecar.tagOverrides == [
            TagOverride(paragraph: 3, add: ["ports"], remove: ["tariffs"], location: SourceLocation(path: "content/briefs/b.yml", line: 8, column: 5)),
        ])
    }

    @Test func problemsAreAtTheirLineAndColumn() {
        let yaml = "date: May 2024\nsource_url: example.org\ncolour: red\ntags:\n  - {add: [x]}\n"
        let messages = BriefSidecar.decode(yaml, path: "b.yml").diagnostics.map(\.description)
        #expect(messages.contains("b.yml:1:7: error: 'date' must be written YYYY-MM or YYYY-MM-DD, found 'May 2024'"))
        #expect(messages.contains("b.yml:2:13: error: 'source_url' must be an http(s) URL"))
        #expect(messages.contains { $0.hasPrefix("b.yml:3:1: warning:") && $0.contains("colour") })
        #expect(messages.contains("b.yml:5:5: error: tag override needs 'paragraph: N'"))
    }

    @Test func yamlThatDoesNotParseGivesNoSidecar() {
        let decoded = BriefSidecar.decode("title: [unclosed\n", path: "b.yml")
        #expect(decoded.sidecar == nil)
        #expect(decoded.diagnostics.first?.location?.path == "b.yml")
    }

    @Test func theSkeletonThatImportWritesDecodesWithoutProblems() throws {
        let source = TestFiles.text(SeedBriefTests.memoPath)
        let result = BriefImporter.analyze(text: source, slug: "positive-disruptor", sourcePath: SeedBriefTests.memoPath, sidecar: nil)
        let yaml = SidecarSkeleton.yaml(for: result.brief, detectedFurniture: result.detectedFurniture)
        let decoded = BriefSidecar.decode(yaml, path: "content/briefs/positive-disruptor.yml")
        #expect(decoded.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        #expect(decoded.sidecar?.title == result.brief.metadata.title)
    }
}
