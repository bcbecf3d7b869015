@testable import SiteBuild
import RandomText
import Testing

/// `SearchTerms.terms` reads bytes; it must give exactly `normalise` of each of `words(of:)` (the
/// definition, which `templates/assets/search.js` follows for queries).
@Suite struct SearchTermsTests {
    static func reference(_ text: String) -> [String] {
        SearchTerms.words(of: text).map(SearchTerms.normalise).filter { !$0.isEmpty && !SearchTerms.stopWords.contains($0) }
    }

    @Test(arguments: [
        "", "The defence of Japan's southwest islands", "Defences, defense and DEFENCE.", "negotiate negotiated negotiating",
        "Organisation of the programme centre", "Policies’ costs: Tokyo’s and Okinawa's", "Ōkinawa, Ryūkyū and Café crème",
        "'quoted' word’s ’leading", "F-35s in 2027; 3rd fleet; ½ and ٣", "日本の防衛 and 同盟", "e\u{301}tude naïve résumés",
        "İstanbul STRASSE Straße", "it was the this that a an", "analysing analysed catalogue colours fulfil fulfilled",
    ])
    func termsMatchTheDefinition(text: String) {
        #expect(SearchTerms.terms(of: text) == Self.reference(text), "\(text)")
    }

    @Test func wordsOfOneMeaningShareATerm() {
        #expect(Set(SearchTerms.terms(of: "defence defences defense Defense")) == ["defens"])
        #expect(Set(SearchTerms.terms(of: "negotiate negotiated negotiating")) == ["negotiat"])
        #expect(SearchTerms.terms(of: "policies organisation Japan's Tokyo’s Ōkinawa") == ["policy", "organization", "japan", "tokyo", "okinawa"])
        #expect(SearchTerms.terms(of: "The alliance is for the islands") == ["allianc", "island"])
    }

    @Test func stopWordsAreLeftAsTheyAre() {
        for word in SearchTerms.stopWords { #expect(SearchTerms.normalise(word) == word) }
    }

    /// Random texts from an alphabet of ASCII and multi-byte letters, digits, apostrophes and marks.
    @Test func randomTextsMatchTheDefinition() {
        let alphabet: [String] = ["a", "E", "s", "ies", "ing", "ed", "ise", "our", "e", "ll", " ", "'", "’", "-", ".", "1", "é", "Ō", "\u{301}",
                                  "ß", "日", "½", "👍🏽", "\n", "defence", "the", "İ", "ogue", "ys", "us", "is", "x"]
        for text in RandomTexts(alphabet: alphabet, seed: 0x2545_F491_4F6C_DD1D) {
            if SearchTerms.terms(of: text) != Self.reference(text) {
                Issue.record("differs on \(text.debugDescription)")
                return
            }
        }
    }
}
