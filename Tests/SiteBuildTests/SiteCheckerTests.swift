import DossierCore
import Foundation
import SiteBuild
import Testing

/// `dossier check`: each rule fails, with a location, on a site that breaks it.
@Suite struct SiteCheckerTests {
    private let caseDirectory = Fixtures.root.appendingPathComponent("sites/basic").path

    private func build() -> BuildResult {
        SiteBuilder(options: Fixtures.options(caseDirectory: caseDirectory), fileSystem: .disk(root: caseDirectory)).build()
    }

    private func check(_ files: [OutputFile], _ result: BuildResult) -> [String] {
        guard let graph = result.graph else { return ["no graph"] }
        return SiteChecker(outputDirectory: "site").check(files: files, graph: graph).map(\.description)
    }

    private func replacing(_ path: String, _ target: String, _ replacement: String, in files: [OutputFile]) -> [OutputFile] {
        files.map { file in
            guard file.path == path else { return file }
            let text = String(decoding: file.bytes, as: UTF8.self).replacingOccurrences(of: target, with: replacement)
            return OutputFile(path: file.path, bytes: Array(text.utf8))
        }
    }

    @Test func cleanSiteHasOnlyContentWarnings() {
        let result = build()
        // The fixture's 'port fee' alias and 'later-note'… are fine; only content warnings may appear.
        #expect(check(result.files, result).allSatisfy { $0.contains("warning:") })
    }

    @Test func brokenLinkAndAnchorAreErrorsInTheOutputFile() {
        let result = build()
        var files = replacing("about/index.html", "<h1>About</h1>", "<h1>About</h1>\n<a href=\"../nowhere/index.html\">x</a> <a href=\"../topics/harbours/index.html#nope\">y</a>", in: result.files)
        files = replacing("index.html", "<h1>", "<a href=\"/topics/\">root</a><h1>", in: files)
        let findings = check(files, result).filter { $0.contains("error:") }
        #expect(findings == [
            "site/about/index.html:8:1: error: link '../nowhere/index.html' points to 'nowhere/index.html', which is not in the site",
            "site/about/index.html:8:39: error: link '../topics/harbours/index.html#nope': 'topics/harbours/index.html' has no element with id 'nope'",
            "site/index.html:7:1: error: link '/topics/' is absolute from the host root; it breaks under a subpath",
        ])
    }

    @Test func duplicateIDsAndMissingMetadataAreErrors() {
        let result = build()
        var files = replacing("about/index.html", "<main id=\"main\">", "<main id=\"main\"><p id=\"main\">x</p>", in: result.files)
        files = replacing("briefs/index.html", "<meta name=\"description\" content=\"The policy briefs this site is built from.\">", "", in: files)
        files = replacing("404.html", "<title>Page not found · Test Dossier</title>", "<title> </title>", in: files)
        let findings = check(files, result).filter { $0.contains("error:") }
        #expect(findings == [
            "site/404.html:1:1: error: page has no <title>",
            "site/about/index.html:6:17: error: duplicate id 'main'",
            "site/briefs/index.html:1:1: error: page has no description meta tag (give the document a 'summary')",
        ])
    }

    /// A heading whose id the template also writes is the author's to fix: reported at the heading, not the page.
    @Test func headingIDTheTemplateAlsoWritesIsReportedAtTheHeading() {
        let result = build()
        let files = replacing("about/index.html", "<main id=\"main\">", "<p id=\"how-it-works\">x</p><main id=\"main\">", in: result.files)
        let findings = check(files, result).filter { $0.contains("error:") }
        #expect(findings == [
            "content/pages/about.md:5:1: error: the heading 'How it works' gets the id 'how-it-works', which the page's template also writes: rename the heading (or the template's id)",
        ])
    }

    /// So is an id written in the body's raw HTML that the template also writes: reported where it is written.
    @Test func rawHTMLIDTheTemplateAlsoWritesIsReportedWhereItIsWritten() throws {
        let scratch = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try FileManager.default.copyItem(atPath: caseDirectory + "/content", toPath: scratch + "/content")
        let siteFile = scratch + "/content/site.yml"
        try Data((try String(contentsOfFile: siteFile, encoding: .utf8) + "allow_raw_html: true\n").utf8).write(to: URL(fileURLWithPath: siteFile))
        try Data("---\ntitle: About\nsummary: How the site is made.\n---\nText.\n\n<p class=\"x\" id=\"extra\">y</p>\n".utf8)
            .write(to: URL(fileURLWithPath: scratch + "/content/pages/about.md"))
        let result = SiteBuilder(options: Fixtures.options(caseDirectory: caseDirectory), fileSystem: .disk(root: scratch)).build()
        let files = replacing("about/index.html", "<main id=\"main\">", "<p id=\"extra\">x</p><main id=\"main\">", in: result.files)
        let findings = check(files, result).filter { $0.contains("error:") }
        #expect(findings == [
            "content/pages/about.md:7:14: error: the id 'extra' written here is one the page's template also writes: give the element another id",
        ])
    }

    @Test func malformedFeedAndIncompleteSitemapAreErrors() {
        let result = build()
        var files = replacing("feed.xml", "</feed>", "", in: result.files)
        files = replacing("sitemap.xml", "<url><loc>https://example.org/dossier/about/</loc></url>\n", "", in: files)
        let findings = check(files, result).filter { $0.contains("error:") }
        #expect(findings.count == 2)
        #expect(findings.first?.hasPrefix("site/feed.xml:") == true)
        #expect(findings.first?.contains("not well-formed XML") == true)
        #expect(findings.last == "site/sitemap.xml:1:1: error: sitemap.xml does not list https://example.org/dossier/about/")
    }

    @Test func contentWarningsPointAtTheirSources() throws {
        let scratch = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try FileManager.default.copyItem(atPath: caseDirectory + "/content", toPath: scratch + "/content")
        try Data("---\ntitle: Lighthouses\naliases: [lighthouse]\n---\nNothing yet.\n".utf8).write(to: URL(fileURLWithPath: scratch + "/content/topics/lighthouses.md"))
        try Data("---\ntitle: Uncited\ndate: 2024-12-05\n---\nAn opinion with no citation.\n".utf8).write(to: URL(fileURLWithPath: scratch + "/content/commentary/uncited.md"))
        let options = BuildOptions(templatesDirectory: Fixtures.minimalTemplates)
        let result = SiteBuilder(options: options, fileSystem: .disk(root: scratch)).build()
        let warnings = check(result.files, result).filter { $0.contains("warning:") }
        #expect(warnings == [
            "content/commentary/uncited.md:5:1: warning: commentary 'uncited' cites no brief paragraph (cite with [[brief#pN]])",
            "content/topics/lighthouses.md:1:1: warning: topic 'lighthouses' tags no brief paragraph (add aliases or a sidecar tag override)",
            "content/topics/lighthouses.md:3:11: warning: alias 'lighthouse' of topic 'lighthouses' matches no brief paragraph",
        ])
    }
}
