@testable import DossierCLI
import Foundation
import Testing

/// The import report names the topics each ¶ of the new brief will carry, as the build tags them.
@Suite struct ImportTopicsTests {
    private func site(topics: [String: String]) throws -> String {
        let content = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-import-topics-\(UUID().uuidString)").path + "/content"
        try FileManager.default.createDirectory(atPath: content + "/briefs", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: content + "/topics", withIntermediateDirectories: true)
        try "title: Test\n".write(toFile: content + "/site.yml", atomically: true, encoding: .utf8)
        for (slug, text) in topics { try text.write(toFile: content + "/topics/\(slug).md", atomically: true, encoding: .utf8) }
        let brief = "BURDEN SHARING\n\nThe Special Measures Agreement sets what Japan pays toward the bases.\n\n"
            + "Both capitals argue over it with each new government.\n\nCost-sharing talks resume in the spring, near the port.\n"
        try brief.write(toFile: content + "/briefs/costs.txt", atomically: true, encoding: .utf8)
        return content
    }

    @Test func eachTaggedParagraphIsListedWithItsTopicsAndTheRestAsUntagged() throws {
        let content = try site(topics: [
            "host-nation-support": "---\ntitle: Host Nation Support\nsummary: Costs.\nphrases: [Special Measures Agreement, cost-sharing]\n---\nCosts.\n",
            "ports": "---\ntitle: Ports\nsummary: Harbours.\nphrases: [port]\n---\nPorts.\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: (content as NSString).deletingLastPathComponent) }
        let lines = ImportTopics.lines(slug: "costs", content: content)
        #expect(lines == [
            "  topics:    2 of 3 ¶ tagged",
            "    ¶1  host-nation-support",
            "    ¶3  host-nation-support, ports",
            "    untagged: ¶2",
        ])
    }

    @Test func aSiteWithoutTopicsSaysSo() throws {
        let content = try site(topics: [:])
        defer { try? FileManager.default.removeItem(atPath: (content as NSString).deletingLastPathComponent) }
        #expect(ImportTopics.lines(slug: "costs", content: content) == ["  topics:    none tagged (\(content)/topics/ holds no topic)"])
    }
}
