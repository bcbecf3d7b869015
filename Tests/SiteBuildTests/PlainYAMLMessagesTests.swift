import DossierCore
import SiteBuild
import Testing

/// The YAML mistakes authors make most, reported at the right place in words that say what to write.
@Suite struct PlainYAMLMessagesTests {
    private func errors(_ files: [String: String]) -> [String] {
        AuthoringSite.messages(AuthoringSite.build(files), .error)
    }

    @Test func tabIndentation() {
        #expect(errors(["content/commentary/n.md": "---\ntitle: N\ntopics:\n\t- ports\n---\n"]) == [
            "content/commentary/n.md:4:1: error: a tab character: YAML indents with spaces only; replace the tab with spaces",
        ])
    }

    @Test func unquotedColonInAValue() {
        #expect(errors(["content/commentary/n.md": "---\ntitle: Part 2: the sequel\n---\n"]) == [
            "content/commentary/n.md:2:14: error: a second ':' on this line: YAML reads 'key: value' once per line, so put a value that holds ': ' in double quotes, as in title: \"Part 2: the sequel\"",
        ])
    }

    @Test func strayIndentation() {
        #expect(errors(["content/commentary/n.md": "---\ntitle: N\n  summary: S\n---\n"]) == [
            "content/commentary/n.md:3:1: error: this line is indented, so YAML reads it as part of the line above: start 'key: value' lines at the left edge (indent only list items and nested keys)",
        ])
    }

    @Test func quotedBoolean() {
        #expect(errors(["content/commentary/n.md": "---\ntitle: N\ndraft: \"false\"\n---\n"]) == [
            "content/commentary/n.md:3:8: error: 'draft' must be true or false without quotes: write draft: false (in quotes it is text, not a yes or no)",
        ])
    }

    @Test func duplicateSlugBlamesTheFileThatChoseIt() {
        // b.md sorts after a-topic's file, but a.md's front matter is what took the name.
        #expect(errors([
            "content/commentary/a.md": "---\ntitle: A\nslug: ports\n---\n",
            "content/topics/ports.md": "---\ntitle: Ports\n---\n",
        ]) == [
            "content/commentary/a.md:3:7: error: slug 'ports' is already used by content/topics/ports.md (a topic); slugs must be unique across topics, briefs, commentary, pages and authors: set another 'slug:'",
        ])
    }
}
