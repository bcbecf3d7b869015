import DossierCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import SiteBuild
import Testing

/// Characters XML forbids in titles and summaries never make a feed unreadable, and `check` names the
/// source file and line that holds them.
@Suite struct FeedCharacterTests {
    private let directory: String

    init() throws {
        directory = try Fixtures.temporaryDirectory()
        try FileManager.default.copyItem(atPath: Fixtures.root.appendingPathComponent("sites/basic/content").path, toPath: directory + "/content")
        // YAML escapes: ESC in the title, U+0001 and U+FFFE in the summary (raw control characters are a YAML error).
        let note = "---\ntitle: \"A later \\enote\"\ndate: 2024-12-01\nsummary: \"Reading \\x01 the \\uFFFE brief.\"\ntopics: [tariffs]\n---\n## Details\n\nCites [[sample-brief#p3]].\n"
        try Data(note.utf8).write(to: URL(fileURLWithPath: directory + "/content/commentary/later-note.md"))
    }

    private func build() -> BuildResult {
        SiteBuilder(options: Fixtures.options(caseDirectory: directory), fileSystem: .disk(root: directory)).build()
    }

    @Test func everyFeedStaysWellFormed() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = build()
        #expect(result.succeeded)
        let feeds = result.files.filter { $0.path.hasSuffix(".xml") }
        #expect(feeds.count >= 3)
        for feed in feeds {
            let parser = XMLParser(data: Data(feed.bytes))
            #expect(parser.parse() && parser.parserError == nil, "\(feed.path) is not well-formed")
        }
        let main = String(decoding: try #require(feeds.first { $0.path == "feed.xml" }).bytes, as: UTF8.self)
        #expect(main.contains("<title>A later note</title>"))
        #expect(main.contains("<summary>Reading  the  brief.</summary>"))
    }

    @Test func checkPointsAtTheSourceOfEachCharacter() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = build()
        var checker = SiteChecker(outputDirectory: "site")
        checker.sourceRoot = directory
        let findings = checker.check(files: result.files, graph: try #require(result.graph)).map(\.description).filter { $0.contains("XML") }
        #expect(findings == [
            "content/commentary/later-note.md:2:17: warning: the title holds a character XML does not allow (U+001B); feeds leave it out: remove it from the source",
            "content/commentary/later-note.md:4:19: warning: the summary holds a character XML does not allow (U+0001); feeds leave it out: remove it from the source",
        ])
    }

    /// A feed broken some other way is reported with the source of the entry it breaks in.
    @Test func aBrokenFeedEntryNamesItsSource() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = build()
        let files = result.files.map { file in
            guard file.path == "feed.xml" else { return file }
            let text = String(decoding: file.bytes, as: UTF8.self).replacingOccurrences(of: "<title>A later note</title>", with: "<title>A later \u{1}note</title>")
            return OutputFile(path: file.path, bytes: Array(text.utf8))
        }
        let findings = SiteChecker(outputDirectory: "site").check(files: files, graph: try #require(result.graph)).map(\.description).filter { $0.contains("error:") }
        #expect(findings.count == 1, "\(findings)")
        #expect(findings.first?.hasPrefix("site/feed.xml:") == true)
        #expect(findings.first?.hasSuffix("error: not well-formed XML: it holds a character XML does not allow (in the entry made from content/commentary/later-note.md)") == true)
    }
}
