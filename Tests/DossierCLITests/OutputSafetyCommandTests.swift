import DossierCore
import Foundation
import SiteFixtures
import Testing

/// `dossier build` as a user runs it against outputs and file names that could hurt: the exit status,
/// the exact message on one line, and what is left on disk.
@Suite struct OutputSafetyCommandTests {
    private let folder: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-output-\(UUID().uuidString)").path
        // The base test site's content without its commentary note.
        var site = try SiteCase.base()
        site.files = site.files.filter { $0.key.hasPrefix("content/") && $0.key != "content/commentary/note.md" }
        try site.write(to: folder)
        try FileManager.default.createDirectory(atPath: folder + "/content/commentary", withIntermediateDirectories: true)
    }

    private func build(_ arguments: [String]) async throws -> (status: Int32, errors: String) {
        let run = try await DossierRun.run(
            ["build", "--quiet", "--templates", CommandTests.projectRoot + "/Tests/Fixtures/templates-minimal"] + arguments, in: folder
        )
        return (run.status, run.errors)
    }

    private func errorLines(_ text: String) -> [String] {
        text.split(separator: "\n").filter { $0.contains(": error: ") }.map(String.init)
    }

    /// The case: `--output u` where u holds notes and an index.html of one's own.
    @Test func anOutputHoldingOtherFilesIsRefusedAndKept() async throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/u/photos", withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: folder + "/u/notes.txt"))
        try Data("<h1>mine</h1>".utf8).write(to: URL(fileURLWithPath: folder + "/u/index.html"))
        let result = try await build(["--output", "u"])
        #expect(result.status == 1)
        #expect(errorLines(result.errors) == ["dossier: error: output folder 'u' holds files dossier did not write ('notes.txt', 'photos/'); "
            + "refusing to build into it, so they are neither deleted nor published: move them out of it, or pass another --output"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/u").sorted() == ["index.html", "notes.txt", "photos"])
        #expect(try String(contentsOfFile: folder + "/u/index.html", encoding: .utf8) == "<h1>mine</h1>")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") } == [])
    }

    @Test func anOutputInsideTheContentIsRefused() async throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/content/assets", withIntermediateDirectories: true)
        let result = try await build(["--output", "content/assets/site"])
        #expect(result.status == 1)
        #expect(errorLines(result.errors) == ["dossier: error: output folder 'content/assets/site' is inside the input folder 'content'; every build would read its own output: "
            + "choose an output folder outside the content and templates folders (the default is 'site')"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/content/assets") == [])
    }

    /// A newline or ESC in a file name is printed escaped: one line per problem, no terminal commands.
    @Test func fileNamesWithControlCharactersArePrintedEscaped() async throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let name = "evil\n\u{1B}[2J.md"
        try Data("# No front matter\n".utf8).write(to: URL(fileURLWithPath: folder + "/content/commentary/" + name))
        let result = try await build(["--output", "site"])
        #expect(result.status == 1)
        #expect(errorLines(result.errors) == ["content/commentary/evil\\n\\x1B[2J.md:1:1: error: missing front matter: start the file with '---', a 'title: …' line and '---'"])
        #expect(!result.errors.contains("\u{1B}"))
    }

    @Test func terminalEscapingCoversControlsAndBidiOverrides() {
        #expect("plain café".escapedForTerminal == "plain café")
        #expect("a\tb\rc\u{7F}\u{85}\u{202E}d".escapedForTerminal == "a\\tb\\rc\\x7F\\x85\\u{202E}d")
    }

    @Test func aFullDiskSaysSo() {
        #expect(SystemError.reason(ENOSPC) == "the disk is full (ENOSPC): free some space and build again")
    }
}
