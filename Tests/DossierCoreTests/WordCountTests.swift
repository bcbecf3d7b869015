@testable import DossierCore
import RandomText
import Testing

/// Reading time counts words on bytes; the count must be the one the definition
/// (`split(whereSeparator: \.isWhitespace)`) gives, whatever the text.
@Suite struct WordCountTests {
    @Test(arguments: [
        "", " ", "one", "one two", "  one\ttwo\nthree\r\nfour  ", "Tokyo’s “line” — it holds.", "\u{A0}nbsp\u{A0}word\u{3000}ideographic",
        "e\u{301} \u{301}mark", "a \u{200D}joiner", "line\u{2028}separator", "next\u{85}line", "日本 の 防衛", "emoji 👍🏽 🇯🇵 flag",
        "ไทย \u{E33}vowel", "\u{600} prepend", "x\u{1}y \u{7F}",
    ])
    func countMatchesTheDefinition(text: String) {
        #expect(WordCount.of(text) == WordCount.slowCount(text), "\(text.debugDescription)")
    }

    @Test func countsWordsBetweenSpaces() {
        #expect(WordCount.of("The alliance’s  new\tcommand\nstructure.") == 5)
        #expect(WordCount.of("") == 0)
    }

    @Test func randomTextsMatchTheDefinition() {
        let alphabet: [String] = ["a", "B", " ", "  ", "\t", "\n", "\r\n", "’", "—", "é", "e", "\u{301}", "\u{A0}", "\u{2003}", "日", "👍🏽",
                                  "\u{200D}", "\u{E33}", "\u{600}", "\u{2028}", ".", "1", "x"]
        for text in RandomTexts(alphabet: alphabet, seed: 0x853C_49E6_748F_EA9B) {
            if WordCount.of(text) != WordCount.slowCount(text) {
                Issue.record("differs on \(text.debugDescription)")
                return
            }
        }
    }
}
