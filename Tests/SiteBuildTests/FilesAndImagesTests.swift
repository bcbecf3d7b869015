import DossierCore
import SiteBuild
import Testing

/// Page bundles, `content/static/`, image attributes and the warnings about files nothing reads.
@Suite struct FilesAndImagesTests {
    private let piece = "---\ntitle: Note\n---\n"

    @Test func bundleFilesAndStaticFilesArePublishedAsTheyAre() {
        let result = AuthoringSite.build([
            "content/commentary/note/index.md": piece + "![A chart](chart.svg)\n\n[Data](/files/data.csv)\n",
            "content/commentary/note/chart.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\"></svg>",
            "content/static/files/data.csv": "a,b\n",
        ])
        #expect(result.succeeded, "\(result.diagnostics)")
        #expect(AuthoringSite.file(result, "commentary/note/chart.svg")?.hasPrefix("<svg") == true)
        #expect(AuthoringSite.file(result, "files/data.csv") == "a,b\n")
        let html = AuthoringSite.file(result, "commentary/note/index.html") ?? ""
        #expect(html.contains("<img src=\"chart.svg\" alt=\"A chart\" width=\"40\" height=\"20\" loading=\"lazy\" />"))
        #expect(html.contains("<a href=\"../../files/data.csv\">Data</a>"))
    }

    @Test func titledImageAloneInItsParagraphIsAFigure() {
        let result = AuthoringSite.build([
            "content/static/a.svg": "<svg viewBox=\"0 0 10 5\"></svg>",
            "content/pages/p.md": "---\ntitle: P\n---\n![Alt text](/a.svg \"The caption\")\n\nInline ![b](/a.svg \"tip\") here.\n",
        ])
        let html = AuthoringSite.file(result, "p/index.html") ?? ""
        #expect(html.contains("<figure><img src=\"../a.svg\" alt=\"Alt text\" width=\"10\" height=\"5\" loading=\"lazy\" />\n<figcaption>The caption</figcaption>\n</figure>"))
        #expect(html.contains("Inline <img src=\"../a.svg\" alt=\"b\" width=\"10\" height=\"5\" loading=\"lazy\" title=\"tip\" /> here."))
    }

    @Test func missingAltTextIsAWarningAtTheImage() {
        let result = AuthoringSite.build([
            "content/static/a.svg": "<svg width=\"1\" height=\"1\"></svg>",
            "content/pages/p.md": "---\ntitle: P\n---\nText.\n\n![](/a.svg)\n",
        ])
        #expect(result.succeeded)
        #expect(AuthoringSite.messages(result, .warning).contains {
            $0.hasPrefix("content/pages/p.md:6:1: warning: image '/a.svg' has no alt text")
        })
    }

    @Test func missingImageSaysWhereToPutIt() {
        let result = AuthoringSite.build(["content/commentary/my-note.md": piece + "![Chart](chart.svg)\n"])
        #expect(AuthoringSite.messages(result, .error) == [
            "content/commentary/my-note.md:4:1: error: image 'chart.svg' points to 'commentary/my-note/chart.svg', which the site does not contain: "
                + "put the file at content/commentary/my-note/chart.svg beside the page, moving the page to content/commentary/my-note/index.md (a page bundle) "
                + "or content/static/commentary/my-note/chart.svg (published as it is)",
        ])
    }

    @Test func aPublishedFileCannotTakeAPageOrAnotherFilesPlace() {
        let result = AuthoringSite.build([
            "content/static/index.html": "<p>mine</p>",
            "content/static/commentary/note/x.txt": "static",
            "content/commentary/note/index.md": piece,
            "content/commentary/note/x.txt": "bundle",
        ])
        #expect(AuthoringSite.messages(result, .error) == [
            "content/static/commentary/note/x.txt:1:1: error: this file would be published at 'commentary/note/x.txt', which is already content/commentary/note/x.txt: rename or move it",
            "content/static/index.html:1:1: error: this file would be published at 'index.html', which is already the site's own index.html: rename or move it",
        ])
    }

    @Test func everyFileNothingReadsIsNamed() {
        let result = AuthoringSite.build([
            "content/posts/hello.md": piece,
            "content/ja/index.md": piece,
            "content/old.md": piece,
            "content/commentary/2024/dated.md": piece,
            "content/commentary/notes.txt": "x",
            "content/commentary/.hidden.md": "x",
        ])
        #expect(result.succeeded)
        let warnings = AuthoringSite.messages(result, .warning).filter { $0.contains("not read") }
        #expect(warnings.map { $0.prefix { $0 != ":" } } == [
            "content/commentary/2024/dated.md", "content/commentary/notes.txt", "content/ja/index.md", "content/old.md", "content/posts/hello.md",
        ])
        #expect(warnings[0].contains("a folder inside content/commentary/ is read only as a page bundle, with an index.md; move it to content/commentary/dated.md"))
        #expect(warnings[4].contains("for a commentary piece move it to content/commentary/hello.md"))
    }

    @Test func unknownKeysNameTheKeyMeant() {
        let result = AuthoringSite.build([
            "content/commentary/n.md": "---\ntitle: N\ntags: [a]\ndescription: D\ntitel: x\n---\n",
        ])
        let warnings = AuthoringSite.messages(result, .warning).filter { $0.contains("unknown key") }
        #expect(warnings.count == 3)
        #expect(warnings[0].hasPrefix("content/commentary/n.md:3:1: warning: unknown key 'tags'; did you mean 'topics'? (tags is what other site generators call it)"))
        #expect(warnings[1].hasPrefix("content/commentary/n.md:4:1: warning: unknown key 'description'; did you mean 'summary'?"))
        #expect(warnings[2].hasPrefix("content/commentary/n.md:5:1: warning: unknown key 'titel'; did you mean 'title'?"))
    }
}
