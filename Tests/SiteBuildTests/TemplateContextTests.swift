import DossierCore
import SiteBuild
import Testing

/// What templates receive from `site.yml` and front matter (`extra:`, `menu:`), and how template
/// problems reach the author: once per tag, located, with the names available there.
@Suite struct TemplateContextTests {
    private static let about = "---\ntitle: About us\nextra:\n  team: [Ann, Ben]\n---\nText.\n"

    /// A site in memory with the minimal templates, `overrides` replacing or adding templates.
    private static func build(_ files: [String: String], templates overrides: [String: String] = [:]) -> BuildResult {
        var all: [String: [UInt8]] = [:]
        for (path, bytes) in Fixtures.tree(at: Fixtures.minimalTemplates) { all["templates/" + path] = bytes }
        for (path, text) in files.merging(overrides.mapKeys { "templates/" + $0 }, uniquingKeysWith: { $1 }) { all[path] = Array(text.utf8) }
        if all["content/site.yml"] == nil { all["content/site.yml"] = Array("title: T\n".utf8) }
        let options = BuildOptions(contentDirectory: "content", templatesDirectory: "templates", outputDirectory: "site", jobs: 2)
        return SiteBuilder(options: options, fileSystem: .inMemory(bytes: all)).build()
    }

    @Test func extraFromSiteYMLAndFrontMatterReachTemplates() {
        let result = Self.build([
            "content/site.yml": "title: T\nextra:\n  motto: Read the sources\n  links:\n    - {name: Code, href: 'https://example.org/code'}\n",
            "content/pages/about.md": Self.about,
        ], templates: ["page.html": "{{site.extra.motto}}|{{#site.extra.links}}{{name}}={{href}}{{/site.extra.links}}|{{#page.extra.team}}{{.}};{{/page.extra.team}}"])
        #expect(result.succeeded, "\(result.diagnostics)")
        #expect(AuthoringSite.file(result, "about/index.html") == "Read the sources|Code=https://example.org/code|Ann;Ben;")
    }

    @Test func extraReachesTopicAndAuthorPagesToo() {
        let result = Self.build([
            "content/topics/ports.md": "---\ntitle: Ports\nextra: {icon: anchor}\n---\nText.\n",
            "content/authors/ann.md": "---\nname: Ann\nextra: {photo: ann.jpg}\n---\nBio.\n",
        ], templates: ["topic.html": "[{{page.extra.icon}}]", "author.html": "[{{page.extra.photo}}]"])
        #expect(result.succeeded, "\(result.diagnostics)")
        #expect(AuthoringSite.file(result, "topics/ports/index.html") == "[anchor]")
        #expect(AuthoringSite.file(result, "authors/ann/index.html") == "[ann.jpg]")
    }

    @Test func pageExtraIsNullWhereFrontMatterHasNone() {
        let result = Self.build(["content/pages/about.md": "---\ntitle: A\n---\n"],
                                templates: ["page.html": "[{{^page.extra}}none{{/page.extra}}{{^site.extra}} none{{/site.extra}}]"])
        #expect(AuthoringSite.file(result, "about/index.html") == "[none none]")
    }

    @Test func defaultMenuIsTheSectionsAndAboutWhenItExists() {
        let result = Self.build(["content/pages/about.md": Self.about])
        let html = AuthoringSite.file(result, "about/index.html") ?? ""
        #expect(html.contains("<nav><a href=\"../index.html\">Home</a> <a href=\"../topics/index.html\">Issues</a> "
            + "<a href=\"../briefs/index.html\">Briefs</a> <a href=\"../commentary/index.html\">Commentary</a> "
            + "<a href=\"index.html\" aria-current=\"page\">About</a> </nav>"))
    }

    @Test func menuFromSiteYMLLinksPagesRelativelyAndURLsAsWritten() {
        let result = Self.build([
            "content/site.yml": "title: T\nmenu:\n  - {title: Start, page: home}\n  - {title: Who, page: /about/}\n  - {title: Code, url: 'https://example.org/x'}\n",
            "content/pages/about.md": Self.about,
        ])
        #expect(result.succeeded, "\(result.diagnostics)")
        let html = AuthoringSite.file(result, "about/index.html") ?? ""
        #expect(html.contains("<nav><a href=\"../index.html\">Start</a> <a href=\"index.html\" aria-current=\"page\">Who</a> "
            + "<a href=\"https://example.org/x\">Code</a> </nav>"))
    }

    @Test func menuEntryForAMissingPageIsALocatedErrorWithTheClosestPage() {
        let result = Self.build([
            "content/site.yml": "title: T\nmenu:\n  - title: Who\n    page: abut\n",
            "content/pages/about.md": Self.about,
        ])
        #expect(!result.succeeded)
        let errors = AuthoringSite.messages(result, .error)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("content/site.yml:4:11: error: menu entry 'Who' points to page 'abut', which the site does not have; did you mean 'about'?") == true)
    }

    @Test func malformedMenuEntriesAreLocated() {
        let result = Self.build(["content/site.yml": "title: T\nmenu:\n  - title: A\n  - page: about\n    url: x\n"])
        let errors = AuthoringSite.messages(result, .error)
        #expect(errors.contains { $0.hasPrefix("content/site.yml:3:5: error: a menu entry needs 'page'") })
        #expect(errors.contains("content/site.yml:4:5: error: missing required key 'title'"))
        #expect(errors.contains("content/site.yml:5:10: error: a menu entry has either 'page' or 'url', not both"))
    }

    @Test func typoInAPartialEveryPageUsesIsReportedOnceWithTheNamesThere() {
        let result = Self.build(["content/pages/about.md": Self.about],
                                templates: ["partials/nav.html": "<nav>{{#nav}}{{lable}}{{/nav}}</nav>"])
        let errors = AuthoringSite.messages(result, .error)
        #expect(errors.count == 1, "one error for the tag, not one per page: \(errors)")
        #expect(errors.first?.hasPrefix("templates/partials/nav.html:1:14: error: no value named 'lable' in the context; did you mean 'label'? (names here: ") == true)
        #expect(errors.first?.contains(", isCurrent, label, nav, ") == true)
    }

    @Test func missingPageTemplateIsOneErrorNamingThePagesThatNeedIt() {
        var templates: [String: String] = [:]
        for (path, bytes) in Fixtures.tree(at: Fixtures.minimalTemplates) { templates[path] = String(decoding: bytes, as: UTF8.self) }
        var files: [String: String] = [:]
        for name in ["a", "b", "c", "d"] { files["content/pages/\(name).md"] = "---\ntitle: \(name)\n---\n" }
        var all: [String: [UInt8]] = [:]
        for (path, text) in templates where path != "page.html" { all["templates/" + path] = Array(text.utf8) }
        for (path, text) in files { all[path] = Array(text.utf8) }
        all["content/site.yml"] = Array("title: T\n".utf8)
        let options = BuildOptions(contentDirectory: "content", templatesDirectory: "templates", outputDirectory: "site", jobs: 2)
        let result = SiteBuilder(options: options, fileSystem: .inMemory(bytes: all)).build()
        #expect(AuthoringSite.messages(result, .error)
            == ["dossier: error: no template 'page' for 4 pages (a/index.html, b/index.html, c/index.html, …): add templates/page.html"])
    }

    @Test func escapedBodyWarnsOnceAtTheTag() {
        let result = Self.build([
            "content/pages/about.md": Self.about,
            "content/pages/more.md": "---\ntitle: More\n---\n*Hi*\n",
        ], templates: ["page.html": "<main>\n{{body}}\n</main>\n"])
        #expect(result.succeeded)
        #expect(AuthoringSite.messages(result, .warning).filter { $0.contains("{{body}}") }
            == ["templates/page.html:2:1: warning: 'body' is HTML, so {{body}} shows its tags as text; write {{{body}}} to insert it"])
        #expect(AuthoringSite.file(result, "more/index.html") == "<main>\n&lt;p&gt;&lt;em&gt;Hi&lt;/em&gt;&lt;/p&gt;\n\n</main>\n")
    }
}

extension Dictionary where Key == String {
    fileprivate func mapKeys(_ transform: (String) -> String) -> [String: Value] {
        Dictionary(uniqueKeysWithValues: map { (transform($0.key), $0.value) })
    }
}
