@testable import SiteGraph
import Testing

@Suite struct AliasMatcherTests {
    private func matches(_ phrases: [String], in text: String) -> [String] {
        let matcher = AliasMatcher(phrases: phrases.enumerated().map { ($1, $0) })
        return matcher.matches(in: text).map { phrases[$0] }
    }

    @Test func matchesCaseInsensitivelyOnWordBoundaries() {
        #expect(matches(["Quad"], in: "the QUAD met") == ["Quad"])
        #expect(matches(["Quad"], in: "a quadrilateral meeting").isEmpty)
        #expect(matches(["ROK"], in: "the brokers") == [])
    }

    @Test func toleratesUSVariants() {
        #expect(matches(["U.S. forces"], in: "US forces in Japan") == ["U.S. forces"])
        #expect(matches(["US forces"], in: "the U.S. forces there") == ["US forces"])
        #expect(matches(["U.S.-Japan alliance"], in: "the US Japan alliance") == ["U.S.-Japan alliance"])
    }

    @Test func toleratesHyphenAndSpaceVariants() {
        #expect(matches(["host nation support"], in: "Host-Nation Support talks") == ["host nation support"])
        #expect(matches(["Japan-ROK"], in: "a Japan–ROK partnership") == ["Japan-ROK"])
    }

    @Test func foldsSimplePluralsAndPossessives() {
        #expect(matches(["alliance"], in: "U.S. alliances worldwide") == ["alliance"])
        #expect(matches(["supply chain"], in: "supply chains") == ["supply chain"])
        #expect(matches(["policy"], in: "their policies") == ["policy"])
        #expect(matches(["Japan"], in: "Japan's defence") == ["Japan"])
        #expect(matches(["base"], in: "military bases") == ["base"])
    }

    @Test func findsOverlappingAliasesInOnePass() {
        let found = matches(["South China Sea", "China", "East and South China Seas"], in: "the East and South China Seas")
        #expect(found.sorted() == ["China", "East and South China Seas", "South China Sea"])
    }

    @Test func keepsWordsSuchAsUsAndStatus() {
        #expect(AliasMatcher.words(of: "status quo") == ["status", "quo"])
        #expect(AliasMatcher.words(of: "U.S.-Japan") == ["us", "japan"])
    }
}
