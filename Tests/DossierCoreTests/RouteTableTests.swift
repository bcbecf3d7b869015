import DossierCore
import Testing

/// What one site writes, and where.
@Suite struct RouteTableTests {
    private let topic = ContentDocument(kind: .topic, slug: "ports", sourcePath: "content/topics/ports.md", title: "Ports", body: "")
    private let piece = ContentDocument(kind: .commentary, slug: "note", sourcePath: "content/commentary/note.md", title: "Note", body: "")

    @Test func pagesAndFilesWithoutABaseURL() {
        let table = RouteTable(briefSlugs: ["b"], documents: [topic, piece], copiedFiles: ["assets/site.css"], hasBaseURL: false)
        #expect(table.pages.map(\.outputPath) == [
            "404.html", "briefs/b/index.html", "briefs/index.html", "commentary/index.html", "commentary/note/index.html",
            "index.html", "search/index.html", "topics/index.html", "topics/ports/index.html",
        ])
        #expect(table.files.map(\.outputPath) == [
            "assets/site.css", "briefs/b/cite.bib", "briefs/b/cite.json", "briefs/b/cite.ris", "briefs/b/source.txt",
            "commentary/note/cite.bib", "commentary/note/cite.json", "commentary/note/cite.ris", "robots.txt", "search-index.js",
        ])
        #expect(!table.contains("feed.xml"))
    }

    @Test func aBaseURLAddsTheFeedsAndSitemap() {
        let table = RouteTable(briefSlugs: [], documents: [topic, piece], copiedFiles: [], hasBaseURL: true)
        #expect(table.files.map(\.outputPath) == [
            "commentary/note/cite.bib", "commentary/note/cite.json", "commentary/note/cite.ris",
            "feed.xml", "robots.txt", "search-index.js", "sitemap.xml", "topics/ports/feed.xml",
        ])
        #expect(table.contains("topics/ports/feed.xml"))
    }

    @Test func documentsGoWhereTheirKindSays() {
        #expect(piece.route == RouteTable.document(.commentary, slug: "note"))
        #expect(RouteTable.document(.page, slug: "about").outputPath == "about/index.html")
        #expect(RouteTable.document(.home, slug: "").outputPath == "index.html")
        #expect(RouteTable.briefSource("b").outputPath == "briefs/b/source.txt")
    }
}

/// One rule for which files are never content, shared by the loaders and the preview's watcher.
@Suite struct IgnoredFilesTests {
    @Test(arguments: [".hidden", ".note.md.swp", "#note.md#", "note.md~", "note.swx"])
    func scratchAndHiddenFilesAreIgnored(name: String) {
        #expect(IgnoredFiles.contains(name))
    }

    @Test(arguments: ["note.md", "brief.txt", "brief.yml", "site.css", "a.b.md"])
    func contentFilesAreNot(name: String) {
        #expect(!IgnoredFiles.contains(name))
    }
}
