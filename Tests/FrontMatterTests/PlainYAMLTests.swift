import DossierCore
@testable import FrontMatter
import Testing

/// The front-matter fast path must give exactly what Yams gives (values, quoting, every position), and
/// leave to Yams everything it does not fully understand.
@Suite struct PlainYAMLTests {
    static let plain: [String] = [
        "title: A",
        "title: 'It''s a title'\ndate: 2024-05-01\nsummary: 'Why: the answer # not a comment'",
        "title: Don't panic\ntopics:\n  - alliance-management\n  - burden-sharing\ndraft: false",
        "title: Indentless\ntopics:\n- a\n- b\nweight: 3",
        "title: Über — the “quoted” café\nslug: uber",
        "title: a:b c#d (e) /f\nsummary: 'x'   \nlayout: wide  ",
        "aliases:\n    - 'first alias'\n    - second alias\nrelated:\n  - quad",
        "title: '  spaced  '\ndate: 2021-01-02T10:00:00Z",
    ]

    /// Not plain: each must go to Yams (and so keep Yams's values and error positions).
    static let notPlain: [String] = [
        "", "# comment\ntitle: A", "title: A # comment", "title: \"double\"", "title: [a, b]", "title: {a: 1}",
        "title: |\n  block", "title: >\n  folded", "title: &anchor A", "title: *alias", "title: !tag A", "title: -1",
        "title: A\ntitle: B", "title: A\n\ndate: 2024-01-01", "title:\tA", "title: multi\n  line", "title: 'unclosed",
        "title: 'a' b", "topics:\n  - a\n    - b", "topics:", "- a\n- b", "? complex\n: key", "title: a: b", "title: a:",
        "title: x\u{85}y", "title: x\u{2028}y", "title: \u{FEFF}x", "title: 'x\ty'", "1title: A", "title:A",
        "topics:\n  - a\n  - b: c", "title: ...", "title: @at", "title: `tick`", "title: %pct", "title: ?q",
    ]

    @Test(arguments: plain)
    func plainFrontMatterParsesExactlyAsYamsDoes(yaml: String) throws {
        let fast = try #require(PlainYAML.parse(yaml, lineOffset: 1))
        let general = try YAMLValue.parseWithYams(yaml, firstLine: 2).get()
        #expect(fast == general)
    }

    @Test(arguments: notPlain)
    func anythingElseIsLeftToYams(yaml: String) {
        #expect(PlainYAML.parse(yaml, lineOffset: 1) == nil)
    }

    /// Errors keep Yams's `line:col`, counted in the whole file.
    @Test func malformedYAMLStillReportsItsPosition() throws {
        guard case .failure(let error) = YAMLValue.parse("title: A\ntopics: [a, b\ndate: 2024-01-01", firstLine: 2) else {
            Issue.record("an unclosed flow list parsed")
            return
        }
        #expect(error.position.line >= 3)
        #expect(error.message.hasPrefix("malformed YAML"))
    }
}
