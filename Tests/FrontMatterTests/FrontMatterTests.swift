import DossierCore
import FrontMatter
import Testing

@Suite struct FrontMatterSplitTests {
    @Test func splitsYAMLAndBodyWithFileLines() throws {
        let split = try FrontMatter.split("---\ntitle: A\n---\n# Body\n").get()
        #expect(split.yaml == "title: A")
        #expect(split.yamlFirstLine == 2)
        #expect(split.body == "# Body\n")
        #expect(split.bodyFirstLine == 4)
    }

    @Test(arguments: [
        // (file, yaml, body, body's first line)
        ("---\n---\nBody", "", "Body", 3),
        ("---\na: 1\nb: 2\n...\n\nBody\n", "a: 1\nb: 2", "\nBody\n", 5),
        ("---\na: 1\n--- \t\nBody", "a: 1", "Body", 4),
        ("---\na: 1\n---", "a: 1", "", 4),
        ("---\na: —\n----\n---\nÉ", "a: —\n----", "É", 5),
    ])
    func closingFencesAndLineNumbers(file: String, yaml: String, body: String, bodyLine: Int) throws {
        let split = try FrontMatter.split(file).get()
        #expect(split.yaml == yaml)
        #expect(split.body == body)
        #expect(split.bodyFirstLine == bodyLine)
    }

    @Test(arguments: ["---", "---\n", "---\na: 1", "---\na: 1\n ---\n"])
    func aFenceThatNeverClosesIsAnError(file: String) {
        guard case .failure(let error) = FrontMatter.split(file) else {
            Issue.record("'\(file)' should be unterminated")
            return
        }
        #expect(error.position == TextPosition(line: 1, column: 1))
    }

    @Test func fileWithoutFrontMatterIsAllBody() throws {
        let split = try FrontMatter.split("# Just text\n").get()
        #expect(split.yaml == nil)
        #expect(split.body == "# Just text\n")
    }

    @Test func unterminatedFrontMatterIsAnError() {
        guard case .failure(let error) = FrontMatter.split("---\ntitle: A\n# Body\n") else {
            Issue.record("expected an error")
            return
        }
        #expect(error.position == TextPosition(line: 1, column: 1))
        #expect(error.message.contains("never closed"))
    }
}

@Suite struct YAMLPositionTests {
    @Test func malformedYAMLIsReportedAtItsLineInTheFile() {
        let file = "---\ntitle: A\ntopics: [a, b\nsummary: x\n---\nbody"
        let split = try? FrontMatter.split(file).get()
        guard let split, case .failure(let error) = YAMLValue.parse(split.yaml ?? "", firstLine: split.yamlFirstLine) else {
            Issue.record("expected a YAML error")
            return
        }
        #expect(error.position.line == 4)
        #expect(error.message.hasPrefix("malformed YAML"))
    }

    @Test func badIndentationIsReportedAtItsLine() {
        guard case .failure(let error) = YAMLValue.parse("title: A\n  bad: indent\nx: [", firstLine: 2) else {
            Issue.record("expected a YAML error")
            return
        }
        #expect(error.position.line == 3)
    }

    @Test func duplicateKeysAreErrors() {
        guard case .failure(let error) = YAMLValue.parse("title: A\ntitle: B\n", firstLine: 2) else {
            Issue.record("expected an error")
            return
        }
        #expect(error.position == TextPosition(line: 3, column: 1))
        #expect(error.message == "duplicate key 'title'")
    }
}

@Suite struct FieldReaderTests {
    private func reader(_ yaml: String) -> FieldReader {
        let value = try? YAMLValue.parse(yaml, firstLine: 2).get()
        return FieldReader(value ?? nil, path: "content/x.md")
    }

    @Test func readsTypedFields() {
        var fields = reader("title: Hello\ndate: 2024-11-20\ntopics: [a, b]\ndraft: true\nweight: 3\n")
        #expect(fields.string("title", required: true) == "Hello")
        #expect(fields.date("date") == "2024-11-20")
        #expect(fields.stringList("topics") == ["a", "b"])
        #expect(fields.bool("draft") == true)
        #expect(fields.int("weight") == 3)
        #expect(fields.diagnostics.isEmpty)
    }

    @Test func wrongTypesAreErrorsAtTheValue() {
        var fields = reader("title: Hello\ntopics: x\ndate: yesterday\n")
        _ = fields.stringList("topics")
        _ = fields.date("date")
        #expect(fields.diagnostics.map(\.description) == [
            "content/x.md:3:9: error: 'topics' must be a list (write 'topics: [a, b]' or one '- a' line per item), found 'x'",
            "content/x.md:4:7: error: 'date' must be a date written YYYY-MM-DD, found 'yesterday'",
        ])
    }

    @Test func missingRequiredTitleIsAnError() {
        var fields = reader("summary: no title\n")
        #expect(fields.string("title", required: true) == nil)
        #expect(fields.diagnostics.first?.severity == .error)
        #expect(fields.diagnostics.first?.message == "missing required key 'title'")
    }

    @Test func unknownKeysAreWarnings() {
        var fields = reader("title: A\ncolour: red\n")
        fields.warnAboutUnknownKeys(known: ["title"])
        #expect(fields.diagnostics.map(\.description) == ["content/x.md:3:1: warning: unknown key 'colour' (known keys: title)"])
    }

    @Test(arguments: ["2024-02-30", "2023-02-29", "24-01-01", "2024-13-01", "yesterday"])
    func invalidDatesAreRejected(text: String) {
        #expect(!ISODate.isValid(text))
    }

    @Test func leapDayIsValid() {
        #expect(ISODate.isValid("2024-02-29"))
    }
}
