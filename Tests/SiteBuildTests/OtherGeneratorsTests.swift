import DossierCore
import SiteBuild
import Testing

/// Front matter written for Hugo, Jekyll and Zola: dates with times, `lastmod`, TOML, `<!--more-->`, aliases.
@Suite struct OtherGeneratorsTests {
    @Test func impossibleDateIsLocatedAndSaysWhy() {
        let result = AuthoringSite.build(["content/commentary/n.md": "---\ntitle: N\ndate: 2024-02-30\n---\n"])
        #expect(AuthoringSite.messages(result, .error) == [
            "content/commentary/n.md:3:7: error: 'date' is not a real date (2024-02-30: February 2024 has 29 days)",
        ])
    }

    @Test func moreMarkerEndsTheSummaryAndLeavesTheBody() {
        let result = AuthoringSite.build([
            "content/commentary/n.md": "---\ntitle: N\ndate: 2024-01-02\n---\nFirst *part*.\n\n<!--more-->\n\nSecond [[nowhere]].\n",
        ])
        // The wiki link after the marker is still checked at its own line.
        #expect(AuthoringSite.messages(result, .error).first?.hasPrefix("content/commentary/n.md:9:8: error: unknown page 'nowhere'") == true)
        let fixed = AuthoringSite.build([
            "content/commentary/n.md": "---\ntitle: N\ndate: 2024-01-02\n---\nFirst *part*.\n\n<!--more-->\n\nSecond.\n",
        ])
        let page = AuthoringSite.file(fixed, "commentary/n/index.html") ?? ""
        #expect(page.contains("<meta name=\"description\" content=\"First part.\">"))
        #expect(!page.contains("more"))
        #expect(page.contains("<p>Second.</p>"))
    }

    @Test func aliasesWriteRedirectPagesAndCannotTakeAPage() {
        let result = AuthoringSite.build([
            "content/commentary/n.md": "---\ntitle: N\naliases: [/old/n/, /2019/n.html]\n---\n",
        ])
        #expect(result.succeeded, "\(result.diagnostics)")
        let redirect = AuthoringSite.file(result, "old/n/index.html") ?? ""
        #expect(redirect.contains("<meta http-equiv=\"refresh\" content=\"0; url=../../commentary/n/index.html\">"))
        #expect(redirect.contains("<link rel=\"canonical\" href=\"https://example.org/commentary/n/\">"))
        #expect(AuthoringSite.file(result, "2019/n.html")?.contains("url=../commentary/n/index.html") == true)

        let clash = AuthoringSite.build([
            "content/commentary/n.md": "---\ntitle: N\naliases: [/about/]\n---\n",
            "content/pages/about.md": "---\ntitle: About\n---\n",
        ])
        #expect(AuthoringSite.messages(clash, .error) == [
            "content/commentary/n.md:3:11: error: alias 'about/index.html' would write a redirect where the site already has the page of content/pages/about.md: remove the alias or move that file",
        ])
        let elsewhere = AuthoringSite.build(["content/commentary/n.md": "---\ntitle: N\naliases: [\"https://old.example/n\"]\n---\n"])
        #expect(AuthoringSite.messages(elsewhere, .error).first?.contains("must be a path on this site") == true)
    }

    @Test func topicAliasesAreTheOldNameOfPhrases() {
        let result = AuthoringSite.build([
            "content/topics/ports.md": "---\ntitle: Ports\naliases: [harbour]\n---\n",
        ])
        #expect(result.succeeded)
        #expect(AuthoringSite.messages(result, .warning).contains(
            "content/topics/ports.md:3:1: warning: on a topic, 'aliases' is the old name of 'phrases' (the words that tag brief paragraphs with this topic): rename the key to 'phrases'"
        ))
    }

    @Test func lastmodAndUpdatedAreOneField() {
        let both = AuthoringSite.build(["content/commentary/n.md": "---\ntitle: N\nupdated: 2024-01-02\nlastmod: 2024-01-03\n---\n"])
        #expect(AuthoringSite.messages(both, .error) == [
            "content/commentary/n.md:4:10: error: write either 'updated' or 'lastmod', not both (they mean the same)",
        ])
    }

    @Test func tomlErrorsAreLocatedInTheFile() {
        let result = AuthoringSite.build(["content/commentary/n.md": "+++\ntitle = \"N\"\nmenu.main = 1\n+++\n"])
        #expect(AuthoringSite.messages(result, .error).first?.hasPrefix("content/commentary/n.md:3:1: error: TOML front matter: dossier reads key = value lines") == true)
    }
}
