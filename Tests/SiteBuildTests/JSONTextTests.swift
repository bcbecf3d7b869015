import Foundation
@testable import SiteBuild
import Testing

@Suite struct JSONTextTests {
    /// Foundation's encoder is the oracle: the search index must parse as the same strings.
    @Test(arguments: ["plain", "quote \" backslash \\ slash /", "tab\tnew\nline\rcr", "\u{01}\u{08}\u{0C}\u{1F}",
                      "é ü 漢字 🇯🇵", "ends with <", "", "U+2028 \u{2028} here"])
    func escapesLikeJSONEncoder(text: String) throws {
        var bytes: [UInt8] = []
        JSONText.appendString(text, to: &bytes)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        #expect(String(decoding: bytes, as: UTF8.self) == String(decoding: try encoder.encode(text), as: UTF8.self))
        #expect(try JSONDecoder().decode(String.self, from: Data(bytes)) == text)
    }

    @Test func neverWritesAClosingScriptTag() throws {
        var bytes: [UInt8] = []
        JSONText.appendString("a</script><script>alert(1)</script>", to: &bytes)
        let written = String(decoding: bytes, as: UTF8.self)
        #expect(!written.contains("</"))
        #expect(try JSONDecoder().decode(String.self, from: Data(bytes)) == "a</script><script>alert(1)</script>")
    }

    @Test func collapsesWhitespaceRunsAndTrims() {
        var bytes: [UInt8] = []
        JSONText.appendString("  one \n\t two\u{00A0}\u{00A0}three  ", collapsingWhitespace: true, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "\"one two three\"")
    }
}
