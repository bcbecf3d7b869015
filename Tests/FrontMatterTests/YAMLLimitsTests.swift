import DossierCore
import FrontMatter
import Testing

/// Issue 20: YAML that crashed Yams (deep nesting) or took gigabytes (aliases) is refused with a located
/// error before it is parsed; ordinary front matter is untouched.
@Suite struct YAMLLimitsTests {
    private func error(_ yaml: String, firstLine: Int = 2) -> FrontMatterError? {
        if case .failure(let error) = YAMLValue.parse(yaml, firstLine: firstLine) { return error }
        return nil
    }

    /// 5,000 nested `[` overflowed the stack inside Yams' parser.
    @Test func deepFlowNestingIsRefusedBeforeParsing() {
        let found = error("title: x\ntopics: " + String(repeating: "[", count: 5_000) + "\n")
        #expect(found?.position.line == 3)
        #expect(found?.message == "YAML nested more than 64 levels deep here; front matter needs only a few levels")
    }

    @Test func deepBlockNestingIsRefused() {
        let compact = error("a: 1\nb:\n" + String(repeating: "- ", count: 5_000) + "x\n")
        #expect(compact?.position.line == 4)
        let indented = (0..<200).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n")
        #expect(error(indented)?.message.hasPrefix("YAML nested more than 64 levels") == true)
    }

    /// A 396-byte alias bomb took 1 GB: aliases are expanded against a budget.
    @Test func aliasBombIsRefused() {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let previous = level == 1 ? "a" : "a\(level - 1)"
            yaml += "a\(level): &a\(level) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        #expect(yaml.utf8.count < 1_000)
        let found = error(yaml)
        #expect(found?.message == "YAML expands to more than 100000 values (aliases repeating aliases?); write the values out instead")
        #expect((found?.position.line ?? 0) >= 2)
    }

    @Test func oversizedYAMLIsRefused() {
        let found = error("summary: " + String(repeating: "x", count: 300 * 1024) + "\n")
        #expect(found?.position == TextPosition(line: 2, column: 1))
        #expect(found?.message == "YAML is 300 KB; front matter and sidecars are limited to 256 KB (move long text into the body)")
    }

    /// Quotes, brackets in text, comments and a few aliases are ordinary YAML and pass.
    @Test func ordinaryYAMLPasses() {
        let yaml = """
        title: "It's [not] a list: really" # a comment with [[[[[[
        summary: It's plain [text] with 'quotes'
        topics: [a, b, [c, d]]
        base: &base {x: 1, y: [1, 2]}
        other: *base
        list:
          - one
          - - two
            - three
        """
        #expect(error(yaml) == nil)
    }
}
