import ArgumentParser
@testable import DossierCLI
import DossierCore
import Foundation
import SiteFixtures
import Testing

/// The commands as a user runs them, in a temporary folder.
@Suite(.serialized) struct CommandTests {
    static let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    private func scratch() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func importCopiesTheTextAndWritesASidecarSkeleton() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let source = Self.projectRoot + "/content/briefs/positive-disruptor.txt"
        let command = try #require(try DossierCommand.parseAsRoot(["import", source, "--slug", "disruptor", "--content", folder + "/content"]) as? ImportCommand)
        try command.run()
        let copied = try Data(contentsOf: URL(fileURLWithPath: folder + "/content/briefs/disruptor.txt"))
        #expect(copied == (try Data(contentsOf: URL(fileURLWithPath: source))))
        let sidecar = try String(contentsOfFile: folder + "/content/briefs/disruptor.yml", encoding: .utf8)
        #expect(sidecar.contains("Tatsumi"))
        #expect(sidecar.contains("2024-11"))
        // A second import of the same slug is refused unless forced.
        let again = try #require(try DossierCommand.parseAsRoot(["import", source, "--slug", "disruptor", "--content", folder + "/content"]) as? ImportCommand)
        #expect(throws: (any Error).self) { try again.run() }
    }

    /// An import's sidecar never breaks a build: dates the build would refuse are written as comments.
    @Test(arguments: ["12 February 2025", "Updated February 18, 2025", "Spring 2025", "31/12/2024"])
    func importedSidecarsAlwaysBuild(date: String) throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let content = folder + "/content"
        try FileManager.default.createDirectory(atPath: content, withIntermediateDirectories: true)
        try "title: Test\n".write(toFile: content + "/site.yml", atomically: true, encoding: .utf8)
        let source = folder + "/odd-brief.txt"
        let text = "Policy Series\n\n\(date)\n\nA Brief on Alliance Burden Sharing: What Comes Next\n\nAnn Lee & Bo Ng\n\n"
            + "THE ISSUE\n\nThe allies share costs in many ways, and they argue over them often.\n\n2 | Policy Series\n\n"
            + "The argument is not new; it returns with each new government in either capital.\n\n3 | Policy Series\n"
        try text.write(toFile: source, atomically: true, encoding: .utf8)
        let command = try #require(try DossierCommand.parseAsRoot(["import", source, "--content", content]) as? ImportCommand)
        try command.run()
        let build = try #require(try DossierCommand.parseAsRoot([
            "build", "--quiet", "--content", content, "--templates", Self.projectRoot + "/templates", "--output", folder + "/site",
        ]) as? BuildCommand)
        try build.run()
        #expect(FileManager.default.fileExists(atPath: folder + "/site/briefs/odd-brief/index.html"))
    }

    /// A PDF is read itself: the text and sidecar come from its type and positions, the PDF stays beside them, and it builds.
    @Test func importReadsAPDFKeepsItAndBuilds() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let content = folder + "/content"
        try FileManager.default.createDirectory(atPath: content, withIntermediateDirectories: true)
        try "title: Test\n".write(toFile: content + "/site.yml", atomically: true, encoding: .utf8)
        let pdf = Self.projectRoot + "/Tests/Fixtures/import-corpus/03-spending-issue-brief/brief.pdf"
        let command = try #require(try DossierCommand.parseAsRoot(["import", pdf, "--slug", "spending", "--content", content]) as? ImportCommand)
        try command.run()
        #expect(try Data(contentsOf: URL(fileURLWithPath: content + "/briefs/spending.pdf")) == Data(contentsOf: URL(fileURLWithPath: pdf)))
        let text = try String(contentsOfFile: content + "/briefs/spending.txt", encoding: .utf8)
        #expect(text.contains("2. What Is Counted\n\nThe core budget of the Ministry of Defense covers forces"))
        // The endnotes close the text under "Notes"; their markers stay in the text as superscripts.
        #expect(text.contains("to 2 percent of GDP by fiscal year 2027.¹ The pledge"))
        #expect(text.contains("Notes\n\n1. Cabinet decision on the National Security Strategy, December 16, 2022.\n\n2. The categories"))
        let sidecar = try String(contentsOfFile: content + "/briefs/spending.yml", encoding: .utf8)
        #expect(sidecar.contains("title: 'Counting What Counts'"))
        #expect(sidecar.contains("date: '2025-03'"))
        #expect(sidecar.contains("  - '4. Recommendations'"))
        let build = try #require(try DossierCommand.parseAsRoot([
            "build", "--quiet", "--content", content, "--templates", Self.projectRoot + "/templates", "--output", folder + "/site",
        ]) as? BuildCommand)
        try build.run()
        let page = try String(contentsOfFile: folder + "/site/briefs/spending/index.html", encoding: .utf8)
        #expect(page.contains("4. Recommendations"))
        #expect(page.contains("<a href=\"original.pdf\">original PDF</a>"))
        // Notes are linked both ways and are not numbered ¶ (the brief has 7).
        #expect(page.contains("fiscal year 2027.<sup class=\"note-ref\"><a id=\"r1\" href=\"#n1\">1</a></sup> The pledge"))
        #expect(page.contains("<li id=\"n3\" value=\"3\">A similar proposal was made in the joint statement of the alliance&#39;s security consultative committee in 2023. <a class=\"note-back\" href=\"#r3\""))
        #expect(page.contains("<dt>Paragraphs</dt><dd>7</dd>"))
        #expect(!page.contains("id=\"p8\""))
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/site/briefs/spending/original.pdf")) == Data(contentsOf: URL(fileURLWithPath: pdf)))
    }

    /// Re-importing keeps ¶ numbers where the text is unchanged, and refuses when cited ¶ would move.
    @Test func reimportRefusesToMoveCitedParagraphsUnlessTold() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let content = folder + "/content"
        try FileManager.default.createDirectory(atPath: content + "/commentary", withIntermediateDirectories: true)
        let first = folder + "/memo.txt"
        try "The first paragraph says one thing.\nThe second paragraph says another.\n".write(toFile: first, atomically: true, encoding: .utf8)
        let run = { (arguments: [String]) throws in
            let command = try #require(try DossierCommand.parseAsRoot(["import"] + arguments + ["--content", content]) as? ImportCommand)
            try command.run()
        }
        try run([first])
        try "---\ntitle: Note\n---\nSee [[memo#p2]].\n".write(toFile: content + "/commentary/note.md", atomically: true, encoding: .utf8)
        // The same text again: nothing moves, so a forced re-import goes through.
        try run([first, "--force"])
        let second = folder + "/memo-v2.txt"
        try "A new opening paragraph comes first.\nThe first paragraph says one thing.\nThe second paragraph says another.\n"
            .write(toFile: second, atomically: true, encoding: .utf8)
        #expect(throws: (any Error).self) { try run([second, "--slug", "memo", "--force"]) }
        let kept = try String(contentsOfFile: content + "/briefs/memo.txt", encoding: .utf8)
        #expect(kept.hasPrefix("The first paragraph"))
        let moved = ReimportCheck.movedCitations(
            slug: "memo", content: content, mapping: [1: 2, 2: 3]
        )
        #expect(moved == ["\(content)/commentary/note.md:4: [[memo#p2 cites ¶2, which becomes ¶3"])
        try run([second, "--slug", "memo", "--force", "--renumber"])
        #expect(try String(contentsOfFile: content + "/briefs/memo.txt", encoding: .utf8).hasPrefix("A new opening"))
    }

    @Test func newWritesAFileThatBuildsAndRefusesToOverwrite() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let arguments = ["new", "commentary", "first-thoughts", "--title", "First \"thoughts\"", "--content", folder, "--date", "2024-12-01"]
        let command = try #require(try DossierCommand.parseAsRoot(arguments) as? NewCommand)
        try command.run()
        let text = try String(contentsOfFile: folder + "/commentary/first-thoughts.md", encoding: .utf8)
        #expect(text.hasPrefix("---\ntitle: \"First \\\"thoughts\\\"\"\ndate: 2024-12-01\n"))
        let again = try #require(try DossierCommand.parseAsRoot(arguments) as? NewCommand)
        #expect(throws: (any Error).self) { try again.run() }
    }

    @Test func newChecksTheDateAndSlugsOtherKindsTake() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/topics", withIntermediateDirectories: true)
        try "---\ntitle: Ports\n---\n".write(toFile: folder + "/topics/ports.md", atomically: true, encoding: .utf8)
        let taken = try #require(try DossierCommand.parseAsRoot(["new", "commentary", "ports", "--content", folder]) as? NewCommand)
        #expect { try taken.run() } throws: { "\($0)".contains("slug 'ports' is already used by \(folder)/topics/ports.md") }
        let badDate = try #require(try DossierCommand.parseAsRoot(["new", "commentary", "n", "--content", folder, "--date", "2024-13-45"]) as? NewCommand)
        #expect { try badDate.run() } throws: { "\($0)".contains("there is no month 13") }
        let fine = try #require(try DossierCommand.parseAsRoot(["new", "commentary", "n", "--content", folder, "--date", "2024-11-25T10:00:00Z"]) as? NewCommand)
        try fine.run()
        let text = try String(contentsOfFile: folder + "/commentary/n.md", encoding: .utf8)
        // No placeholder links: the skeleton builds as it is.
        #expect(!text.contains("[["))
        #expect(!FileManager.default.fileExists(atPath: folder + "/commentary/ports.md"))
    }

    @Test func newRefusesSlugsTakenByAnyKindOrPublishedFile() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func write(_ path: String, _ text: String) throws {
            try FileManager.default.createDirectory(atPath: Path.parent(of: folder + "/" + path), withIntermediateDirectories: true)
            try text.write(toFile: folder + "/" + path, atomically: true, encoding: .utf8)
        }
        func refusal(_ arguments: [String]) throws -> String {
            let command = try #require(try DossierCommand.parseAsRoot(["new"] + arguments + ["--content", folder]) as? NewCommand)
            do { try command.run() } catch { return "\(error)" }
            return "created"
        }
        try write("site.yml", "title: T\n")
        try write("authors/ada.md", "---\nname: Ada\n---\n")
        try write("topics/harbours.md", "---\ntitle: Harbours\nslug: ports\n---\n")
        try write("static/commentary/notes/cite.bib", "@misc{x}\n")
        #expect(try refusal(["topic", "ada"]).contains("slug 'ada' is already used by \(folder)/authors/ada.md"))
        // The slug front matter sets counts, not only the file's name.
        #expect(try refusal(["commentary", "ports"]).contains("already used by \(folder)/topics/harbours.md (a topic)"))
        #expect(try refusal(["commentary", "notes"]).contains("already used by \(folder)/static/commentary/notes/cite.bib, published at commentary/notes/cite.bib"))
        #expect(try refusal(["page", "authors"]).contains("already used by the site's own authors/ folder"))
        try write("commentary/renamed.md", "---\ntitle: Renamed\naliases: [/commentary/old-name/]\n---\n")
        #expect(try refusal(["commentary", "old-name"]).contains("already used by the redirect \(folder)/commentary/renamed.md writes at commentary/old-name/index.html ('aliases' at line 3)"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/commentary/notes.md"))
        #expect(try refusal(["author", "grace", "--title", "Grace Hopper"]) == "created")
        let text = try String(contentsOfFile: folder + "/authors/grace.md", encoding: .utf8)
        #expect(text.hasPrefix("---\nname: \"Grace Hopper\"\n"))
        #expect(try refusal(["commentary", "grace"]).contains("already used by \(folder)/authors/grace.md"))
        // The skeleton builds as it is, and so does a piece naming it.
        #expect(try refusal(["commentary", "on-ports"]) == "created")
        let piece = folder + "/commentary/on-ports.md"
        try (try String(contentsOfFile: piece, encoding: .utf8)).replacingOccurrences(of: "draft: true", with: "authors: [grace]")
            .write(toFile: piece, atomically: true, encoding: .utf8)
        let build = try #require(try DossierCommand.parseAsRoot([
            "build", "--quiet", "--content", folder, "--templates", Self.projectRoot + "/templates", "--output", folder + "-site",
        ]) as? BuildCommand)
        defer { try? FileManager.default.removeItem(atPath: folder + "-site") }
        try build.run()
        let page = try String(contentsOfFile: folder + "-site/commentary/on-ports/index.html", encoding: .utf8)
        #expect(page.contains("rel=\"author\">Grace Hopper</a>"))
    }

    @Test func invalidSlugsAreRejected() throws {
        let command = try #require(try DossierCommand.parseAsRoot(["new", "topic", "../x", "--content", "/tmp/none"]) as? NewCommand)
        #expect(throws: (any Error).self) { try command.run() }
    }

    @Test func checkReportsJSON() throws {
        let json = try CheckCommand.json([.error("broken", at: SourceLocation(path: "content/a.md", line: 3, column: 7))], passed: false)
        #expect(json.contains("\"path\" : \"content/a.md\""))
        #expect(json.contains("\"line\" : 3"))
        #expect(json.contains("\"passed\" : false"))
    }

    @Test func checkCountsTheVerifiedQuotations() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ExitStatusTests.executable)
        process.arguments = ["check"]
        process.currentDirectoryURL = URL(fileURLWithPath: Self.projectRoot)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let tally = text.split(separator: "\n").first { $0.contains(" quotations verified against ") }
        let numbers = tally?.split(separator: " ").compactMap { Int($0) } ?? []
        #expect(numbers.count == 2 && numbers[0] >= 200 && numbers[1] >= 20, "\(text)")
    }

    @Test func everyCommandHasHelp() throws {
        for name in ["init", "build", "serve", "check", "import", "new"] {
            let help = DossierCommand.helpMessage(for: try #require(DossierCommand.configuration.subcommands.first { $0.configuration.commandName == name }))
            #expect(help.contains("USAGE"), "\(name)")
        }
    }

    @Test func buildFailsWithLocationsAndKeepsTheSite() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try SiteCase.load("citation-past-end", in: "sites-invalid").write(to: folder)
        try FileManager.default.createDirectory(atPath: folder + "/site", withIntermediateDirectories: true)
        try Data("old".utf8).write(to: URL(fileURLWithPath: folder + "/site/index.html"))
        let arguments = ["build", "--content", folder + "/content", "--templates", folder + "/templates", "--output", folder + "/site", "--quiet"]
        let command = try #require(try DossierCommand.parseAsRoot(arguments) as? BuildCommand)
        #expect(throws: ExitCode(1)) { try command.run() }
        #expect(try String(contentsOfFile: folder + "/site/index.html", encoding: .utf8) == "old")
    }
}
