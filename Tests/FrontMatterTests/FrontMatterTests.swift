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

@Suite struct OtherGeneratorsFrontMatterTests {
    @Test func datesWithTimesAreKeptWholeAndShownAsDays() throws {
        #expect(try DateField.parse("2024-11-25").get() == DateField(day: "2024-11-25", dateTime: nil))
        #expect(try DateField.parse("2024-11-25T10:00:00Z").get() == DateField(day: "2024-11-25", dateTime: "2024-11-25T10:00:00Z"))
        #expect(try DateField.parse("2024-11-25T10:00:00.250-05:00").get().dateTime == "2024-11-25T10:00:00.250-05:00")
        #expect(try DateField.parse("2024-11-25 10:00:00 +0900").get().dateTime == "2024-11-25T10:00:00+09:00")
        #expect(try DateField.parse("2024-11-25 10:00").get().dateTime == "2024-11-25T10:00:00Z")
    }

    @Test func impossibleDatesAreNamedInPlainWords() {
        #expect(DateField.parse("2024-02-30").failureMessage == "2024-02-30: February 2024 has 29 days")
        #expect(DateField.parse("2023-02-29").failureMessage == "2023-02-29: February 2023 has 28 days")
        #expect(DateField.parse("2024-13-01").failureMessage == "2024-13-01: there is no month 13 (months run 01 to 12)")
        #expect(DateField.parse("2024-11-25T25:00:00Z").failureMessage?.contains("no such time of day") == true)
        #expect(DateField.parse("25/11/2024").failureMessage?.hasPrefix("must be a date written YYYY-MM-DD") == true)
    }

    @Test func tomlFrontMatterReadsAsTheSameValues() throws {
        let text = "+++\ntitle = \"Hugo \\\"post\\\"\"\ndate = 2024-11-25T10:00:00Z\ndraft = false\ntags = [\"a\",\n  'b']\n\n[extra]\nmood = \"fine\" # comment\n+++\nBody\n"
        let split = try FrontMatter.split(text).get()
        #expect(split.format == .toml)
        #expect(split.body == "Body\n")
        #expect(split.bodyFirstLine == 11)
        guard case .mapping(let entries, _)? = try split.values().get() else { Issue.record("not a mapping"); return }
        #expect(entries.map(\.key) == ["title", "date", "draft", "tags", "extra"])
        #expect(entries[0].value == .scalar("Hugo \"post\"", isQuoted: true, TextPosition(line: 2, column: 9)))
        #expect(entries[2].value == .scalar("false", isQuoted: false, TextPosition(line: 4, column: 9)))
        guard case .sequence(let tags, _) = entries[3].value, case .mapping(let extra, _) = entries[4].value else { Issue.record("shapes"); return }
        #expect(tags.count == 2)
        #expect(extra.map(\.key) == ["mood"])
    }

    @Test func tomlBeyondFrontMatterIsRefusedWithAWayOut() throws {
        let multiline = try FrontMatter.split("+++\ntitle = \"T\"\nbio = \"\"\"\nlong\n\"\"\"\n+++\n").get()
        #expect(multiline.values().failureMessage?.contains("not multi-line strings") == true)
        #expect(multiline.values().failureMessage?.contains("write this front matter as YAML between '---' lines") == true)
        let tables = try FrontMatter.split("+++\n[[menu]]\nname = \"x\"\n+++\n").get()
        #expect(tables.values().failureMessage?.contains("not arrays of tables") == true)
        let bare = try FrontMatter.split("+++\ntitle = Hello\n+++\n").get()
        #expect(bare.values().failureDescription == "2:9: TOML front matter: 'Hello' is not a TOML value: put text in double quotes (\"Hello\")")
        #expect(FrontMatter.split("+++\ntitle = \"T\"\n").failureMessage?.contains("never closed") == true)
    }
}

private extension Result {
    var failureMessage: String? {
        guard case .failure(let error) = self else { return nil }
        if let problem = error as? DateProblem { return problem.message }
        if let problem = error as? FrontMatterError { return problem.message }
        return "\(error)"
    }

    var failureDescription: String? {
        guard case .failure(let error) = self else { return nil }
        return "\(error)"
    }
}
