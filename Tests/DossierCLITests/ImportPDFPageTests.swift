@testable import DossierCLI
import Foundation
import Testing

/// What a brief imported from a PDF looks like on its page: tables as tables, captions as captions,
/// footnotes as notes linked both ways, and the imported sidecar building as it is.
@Suite struct ImportPDFPageTests {
    @Test func importedPDFsBuildAsImportedAndShowTablesAndNotes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-pdfpage-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let content = folder + "/content"
        try FileManager.default.createDirectory(atPath: content, withIntermediateDirectories: true)
        try "title: Test\n".write(toFile: content + "/site.yml", atomically: true, encoding: .utf8)
        let corpus = CommandTests.projectRoot + "/Tests/Fixtures/import-corpus"
        // Every corpus PDF is imported with the sidecar the import writes, untouched: the site must build.
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus)
            .filter { FileManager.default.fileExists(atPath: "\(corpus)/\($0)/brief.pdf") }.sorted()
        #expect(names.count >= 12)
        let slugs = names.map { ["04-minilaterals-forum": "forum", "09-leaders-working-paper": "leaders"][$0] ?? String($0.dropFirst(3)) }
        for (name, slug) in zip(names, slugs) {
            let command = try #require(try DossierCommand.parseAsRoot(["import", "\(corpus)/\(name)/brief.pdf", "--slug", slug, "--content", content]) as? ImportCommand)
            try command.run()
        }
        let build = try #require(try DossierCommand.parseAsRoot([
            "build", "--quiet", "--content", content, "--templates", CommandTests.projectRoot + "/templates", "--output", folder + "/site",
        ]) as? BuildCommand)
        try build.run()
        for slug in slugs {
            let page = try String(contentsOfFile: folder + "/site/briefs/\(slug)/index.html", encoding: .utf8)
            #expect(page.contains("<a href=\"original.pdf\">original PDF</a>"), "\(slug)")
            #expect(FileManager.default.fileExists(atPath: folder + "/site/briefs/\(slug)/original.pdf"), "\(slug)")
        }

        let forum = try String(contentsOfFile: folder + "/site/briefs/forum/index.html", encoding: .utf8)
        #expect(forum.contains("<table class=\"para-table\"><thead><tr><th scope=\"col\">Grouping</th><th scope=\"col\">Since</th>"))
        #expect(forum.contains("<tr><td>Quad</td><td>2017</td><td>Yes</td><td>No</td></tr>"))
        #expect(forum.contains("<p class=\"para-text caption\">Table 1. Selected minilateral groupings and how they meet.</p>"))
        #expect(!forum.contains("<p class=\"para-text\">Quad"))

        let leaders = try String(contentsOfFile: folder + "/site/briefs/leaders/index.html", encoding: .utf8)
        for number in 1...3 {
            #expect(leaders.contains("<sup class=\"note-ref\"><a id=\"r\(number)\" href=\"#n\(number)\">\(number)</a></sup>"))
            #expect(leaders.contains("<li id=\"n\(number)\" value=\"\(number)\">"))
            #expect(leaders.contains("<a class=\"note-back\" href=\"#r\(number)\""))
        }
        #expect(leaders.contains("<h2 id=\"notes\">Notes</h2>"))
        #expect(!leaders.contains("<p class=\"para-text\">Interview with a former Japanese official"))
        #expect(leaders.contains("<a href=\"original.pdf\">original PDF</a>"))
    }
}
