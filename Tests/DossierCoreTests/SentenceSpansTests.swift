import DossierCore
import RandomText
import Testing

/// `Sentences.spans` walks bytes; it must find exactly the sentences and offsets that repeated
/// `splitFirst` (the definition) finds, whatever the text.
@Suite struct SentenceSpansTests {
    /// The definition: split off one sentence at a time.
    static func reference(_ text: String) -> [(end: Int, text: String)] {
        var spans: [(end: Int, text: String)] = []
        var remainder = Substring(text)
        var consumed = 0
        while let (first, rest) = Sentences.splitFirst(remainder) {
            consumed += remainder.unicodeScalars.distance(from: remainder.startIndex, to: rest.startIndex)
            spans.append((consumed, first))
            remainder = rest
        }
        spans.append((Int.max, remainder.trimmingCharacters(in: " \n\t")))
        return spans
    }

    static func same(_ text: String) -> Bool {
        let fast = Sentences.spans(text)
        let slow = reference(text)
        return fast.count == slow.count && zip(fast, slow).allSatisfy { $0.end == $1.end && $0.text == $1.text }
    }

    @Test(arguments: [
        "", "One.", "One. Two.", "Dr. Smith met the U.S. envoy. Then he left!  Why? \"Because.\" (Yes.) 3 more.",
        "He said “stop.” Then — “go.”» Next. ‘Quoted’ start. [Bracket.] Done",
        "Tokyo’s line. Ōkinawa matters. É is a capital. é is not. J. Doe wrote it. e.g. this. vs. that.",
        "Ends with space. ", "Many   spaces.    Next one.", "Emoji 👍🏽. Next. Flag 🇯🇵! Then? ½ is a number. ٣ too.",
        "Combining e\u{301}. Next\u{301}. \u{301}Odd. Tab.\tNo. Line.\nNo.", "...", ". . .", "A.B. C.D. E", "x.\" Y", "x.’ Y",
    ])
    func spansMatchTheDefinition(text: String) {
        #expect(Self.same(text), "\(text)")
    }

    /// Random texts from a small alphabet rich in sentence ends, quotes, capitals and multi-byte scalars.
    @Test func randomTextsMatchTheDefinition() {
        let alphabet: [String] = [".", "!", "?", " ", "  ", "\"", "'", "”", "’", "»", ")", "]", "(", "“", "‘", "A", "b", "É", "é", "1", "½",
                                  "Dr", "U.S", "e.g", "J", "\u{301}", "👍🏽", "\n", "\t", "—", "x"]
        for text in RandomTexts(alphabet: alphabet, seed: 0x9E37_79B9_7F4A_7C15) {
            if !Self.same(text) {
                Issue.record("differs on \(text.debugDescription)")
                return
            }
        }
    }
}
