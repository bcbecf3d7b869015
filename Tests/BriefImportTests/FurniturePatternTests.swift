import BriefImport
import Testing

/// Issue 20: a sidecar furniture pattern such as `(.*a){20}$` made ICU backtrack for minutes on one line.
@Suite struct FurniturePatternTests {
    @Test(arguments: [
        ("(.*a){20}$", "repeats a group that itself holds a repeat"),
        ("(\\d+ )+$", "repeats a group that itself holds a repeat"),
        ("^(a|ab)*c", "repeats a group of alternatives"),
        ("^(x+x+)+y", "repeats a group that itself holds a repeat"),
        ("(a)\\1", "uses a back-reference"),
        (".*a.*b.*c.*d.*e", "has 5 unbounded repeats"),
    ])
    func catastrophicPatternsAreRefused(pattern: String, problem: String) {
        guard case .failure(let error) = FurniturePattern.compile(pattern) else {
            Issue.record("'\(pattern)' was accepted")
            return
        }
        #expect(error.message.hasPrefix("furniture pattern '\(pattern)' \(problem)"), "\(error.message)")
    }

    @Test(arguments: ["^Page \\d+ of \\d+$", "^Alliance Brief No\\. [0-9]+", "^(Draft|Final)$", "(?:Page )?\\d{1,3}$", "^[A-Z ]+— \\w+$", "^\\(\\d+\\)$"])
    func ordinaryPatternsAreAccepted(pattern: String) {
        guard case .success = FurniturePattern.compile(pattern) else {
            Issue.record("'\(pattern)' was refused")
            return
        }
    }

    @Test func notARegularExpressionKeepsItsMessage() {
        guard case .failure(let error) = FurniturePattern.compile("(unclosed") else {
            Issue.record("accepted")
            return
        }
        #expect(error.message == "invalid furniture pattern '(unclosed': not a regular expression")
    }
}
