import DossierCore
import Foundation
@testable import SiteBuild
import Testing

/// Authors (`content/authors/<slug>.md`): bylines, author pages, feeds, citations and their errors.
@Suite struct AuthorsTests {
    static let ada = "---\nname: Ada Lovelace\nrole: Senior fellow\naffiliation: Analytical Institute\nurl: https://ada.example/\n---\nAda writes on *engines*.\n"
    static let grace = "---\nname: Grace Hopper\nrole: Editor\n---\nGrace edits.\n"

    static func site(_ extra: [String: String] = [:]) -> BuildResult {
        var files = [
            "content/authors/ada.md": ada,
            "content/authors/grace.md": grace,
            "content/commentary/ports.md": "---\ntitle: Ports\ndate: 2024-12-02T10:00:00Z\nupdated: 2025-01-15\nauthors: [ada, grace]\n---\n"
                + String(repeating: "word ", count: 500) + "\n",
            "content/commentary/older.md": "---\ntitle: Older\ndate: 2024-11-25\nauthors: [ada]\n---\nText.\n",
            "content/commentary/unsigned.md": "---\ntitle: Unsigned\ndate: 2024-10-01\n---\nText.\n",
        ]
        files.merge(extra) { _, new in new }
        return AuthoringSite.build(files)
    }

    @Test func bylineLinksAuthorsAndShowsReadableDatesAndReadingTime() throws {
        let result = Self.site()
        #expect(result.succeeded, "\(result.diagnostics)")
        let page = try #require(AuthoringSite.file(result, "commentary/ports/index.html"))
        #expect(page.contains("By <a href=\"../../authors/ada/index.html\">Ada Lovelace</a> and <a href=\"../../authors/grace/index.html\">Grace Hopper</a>"))
        #expect(page.contains("<time datetime=\"2024-12-02T10:00:00Z\">2024-12-02</time>"))
        #expect(page.contains("updated <time datetime=\"2025-01-15\">2025-01-15</time>"))
        #expect(page.contains("2 min read"))
        // Without authors there is no byline to link.
        let unsigned = try #require(AuthoringSite.file(result, "commentary/unsigned/index.html"))
        #expect(!unsigned.contains("By "))
    }

    @Test func datesReadAsReadersSayThem() {
        #expect(ReadableDate.label("2024-12-02") == "2 December 2024")
        #expect(ReadableDate.label("2025-01-15T10:00:00Z") == "15 January 2025")
        #expect(ReadableDate.label("2024-13-01") == nil)
        #expect(ReadableDate.label(nil) == nil)
    }

    @Test func authorPagesListTheirPiecesNewestFirstAndTheIndexListsEveryAuthor() throws {
        let result = Self.site()
        let ada = try #require(AuthoringSite.file(result, "authors/ada/index.html"))
        #expect(ada.contains("<h1>Ada Lovelace</h1>"))
        #expect(ada.contains("Senior fellow Analytical Institute https://ada.example/"))
        #expect(ada.contains("<p>Ada writes on <em>engines</em>.</p>"))
        let ports = try #require(ada.range(of: "Ports</a> 2 December 2024"))
        let older = try #require(ada.range(of: "Older</a> 25 November 2024"))
        #expect(ports.lowerBound < older.lowerBound)
        #expect(!ada.contains("Unsigned"))
        let index = try #require(AuthoringSite.file(result, "authors/index.html"))
        #expect(index.contains("<a href=\"ada/index.html\">Ada Lovelace</a> Senior fellow 2"))
        #expect(index.contains("<a href=\"grace/index.html\">Grace Hopper</a> Editor 1"))
        // A site without authors has no authors index.
        let none = AuthoringSite.build(["content/commentary/n.md": "---\ntitle: N\n---\n"])
        #expect(AuthoringSite.file(none, "authors/index.html") == nil)
    }

    @Test func searchFindsAuthorPages() throws {
        let index = try #require(AuthoringSite.file(Self.site(), "search-index.js"))
        #expect(index.contains("[\"author\",\"Ada Lovelace\",\"authors/ada/index.html\""), "\(index.prefix(600))")
    }

    @Test func feedsNameEachEntrysAuthors() throws {
        let feed = try #require(AuthoringSite.file(Self.site(), "feed.xml"))
        #expect(feed.contains("<author><name>Ada Lovelace</name><uri>https://example.org/authors/ada/</uri></author>\n    <author><name>Grace Hopper</name>"))
        let unsigned = try #require(feed.components(separatedBy: "<entry>").first { $0.contains("Unsigned") })
        #expect(!unsigned.contains("<author>"))
    }

    @Test func citationsNameTheAuthors() throws {
        let result = Self.site()
        let bib = try #require(AuthoringSite.file(result, "commentary/ports/cite.bib"))
        #expect(bib.contains("author = {Lovelace, Ada and Hopper, Grace}"))
        let ris = try #require(AuthoringSite.file(result, "commentary/ports/cite.ris"))
        #expect(ris.contains("AU  - Lovelace, Ada\r\nAU  - Hopper, Grace\r\n"))
        let json = try #require(AuthoringSite.file(result, "commentary/ports/cite.json"))
        #expect(json.contains("{\"family\": \"Hopper\", \"given\": \"Grace\"}"))
        // The citation_author meta tags, one per author, family name first.
        let document = ContentDocument(kind: .commentary, slug: "ports", sourcePath: "content/commentary/ports.md", title: "Ports", body: "")
        let reference = Reference(document: document, config: SiteConfig(title: "T", author: "Editors"), authorNames: ["Ada Lovelace", "Grace Hopper"])
        guard case .object(let cite) = CitationFiles.context(reference, page: document.route).value, case .list(let names)? = cite["metaAuthors"] else {
            Issue.record("no citation values"); return
        }
        #expect(names == [.object(["name": .string("Lovelace, Ada")]), .object(["name": .string("Hopper, Grace")])])
    }

    @Test func anUnknownAuthorIsLocatedWithASuggestion() {
        let result = Self.site(["content/commentary/n.md": "---\ntitle: N\nauthors: [ada, gracee, nobody]\n---\n"])
        #expect(AuthoringSite.messages(result, .error) == [
            "content/commentary/n.md:3:16: error: unknown author 'gracee'; did you mean 'grace'?",
            "content/commentary/n.md:3:24: error: unknown author 'nobody': add content/authors/nobody.md with 'name: …' (dossier new author nobody), or fix the slug",
        ])
        #expect(result.files.isEmpty)
    }

    @Test func anAuthorFileNeedsAName() {
        let result = Self.site(["content/authors/grace.md": "---\ntitle: Grace Hopper\n---\n"])
        let errors = AuthoringSite.messages(result, .error)
        #expect(errors.first == "content/authors/grace.md:1:1: error: an author file needs 'name: …', the name bylines and citations show (an author file says 'name:', not 'title:')")
        #expect(AuthoringSite.messages(result, .warning).contains {
            $0.hasPrefix("content/authors/grace.md:2:1: warning: unknown key 'title'; did you mean 'name'?")
        })
        let empty = Self.site(["content/authors/grace.md": "---\nname: \"\"\n---\n"])
        #expect(AuthoringSite.messages(empty, .error).first?.hasPrefix("content/authors/grace.md:2:7: error:") == true)
        let badURL = Self.site(["content/authors/grace.md": "---\nname: G\nurl: grace.example\n---\n"])
        #expect(AuthoringSite.messages(badURL, .error).first == "content/authors/grace.md:3:6: error: url 'grace.example' must be a web address starting with https:// or http://")
    }

    @Test func authorSlugsShareTheSiteWideSlugRule() {
        let result = Self.site(["content/topics/ada.md": "---\ntitle: Ada\n---\n"])
        #expect(AuthoringSite.messages(result, .error).contains { $0.contains("slug 'ada' is already used by") })
        let page = Self.site(["content/pages/authors.md": "---\ntitle: Authors\n---\n"])
        #expect(AuthoringSite.messages(page, .error).first?.contains("page slug 'authors' would replace the site's own authors/ folder") == true)
    }

    /// `dossier serve`: renaming an author re-renders every page that shows the name, as a full build would.
    @Test func editingAnAuthorUpdatesBylinesInAnIncrementalRebuild() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        func write(_ path: String, _ text: String) throws {
            let url = URL(fileURLWithPath: root + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try write("content/site.yml", AuthoringSite.siteYML)
        try write("content/authors/ada.md", Self.ada)
        try write("content/commentary/ports.md", "---\ntitle: Ports\ndate: 2024-12-02\nauthors: [ada]\n---\nText.\n")
        try write("content/commentary/other.md", "---\ntitle: Other\ndate: 2024-12-01\n---\nText.\n")
        try FileManager.default.copyItem(atPath: Fixtures.minimalTemplates, toPath: root + "/templates")
        let options = BuildOptions(outputDirectory: root + "/site", jobs: 2)
        let builder = IncrementalBuilder(options: options, fileSystem: .disk(root: root))
        #expect(builder.rebuild(changedPaths: []).wasFullBuild)
        try write("content/authors/ada.md", Self.ada.replacingOccurrences(of: "Ada Lovelace", with: "Ada King"))
        let report = builder.rebuild(changedPaths: ["content/authors/ada.md"])
        #expect(!report.wasFullBuild)
        #expect(report.rerenderedPages.contains("commentary/ports/index.html"))
        #expect(report.rerenderedPages.contains("authors/index.html"))
        #expect(!report.rerenderedPages.contains("commentary/other/index.html"))
        let page = try String(contentsOfFile: root + "/site/commentary/ports/index.html", encoding: .utf8)
        #expect(page.contains(">Ada King</a>"))
        #expect(report.result.files == SiteBuilder(options: options, fileSystem: .disk(root: root)).build().files)
    }
}
