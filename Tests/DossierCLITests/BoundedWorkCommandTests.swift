import Foundation
import SiteFixtures
import Testing

/// Input built to make dossier work without end (issue 20), run through the executable over the base
/// site: a located error and exit status 1 where the input is refused, a built site where it is merely
/// deep; either way the previous output stays as it was on failure and no temporary folder is left.
@Suite struct BoundedWorkCommandTests {
    /// A 396-byte-class "billion laughs": nine aliases of nine aliases, nine levels deep.
    private static let aliasBomb: String = {
        var lines = ["  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        let names = Array("abcdefghi")
        for index in 1..<names.count {
            let previous = names[index - 1]
            lines.append("  \(names[index]): &\(names[index]) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]")
        }
        return lines.joined(separator: "\n")
    }()

    static let refused: [(name: String, path: String, text: String, error: String)] = [
        ("yaml-nesting", "content/commentary/deep.md", "---\ntitle: " + String(repeating: "[", count: 5000) + "\ndate: 2024-01-01\n---\nText.\n",
         "content/commentary/deep.md:2:69: error: YAML nested more than 64 levels deep here; front matter needs only a few levels"),
        ("yaml-alias-bomb", "content/commentary/deep.md", "---\ntitle: Bomb\ndate: 2024-01-01\nextra:\n" + aliasBomb + "\n---\nText.\n",
         "content/commentary/deep.md:5:58: error: YAML expands to more than 100000 values (aliases repeating aliases?); write the values out instead"),
        ("catastrophic-pattern", "content/briefs/brief.yml", "furniture:\n  - \"(.*a){20}$\"\n",
         "content/briefs/brief.yml:2:5: error: furniture pattern '(.*a){20}$' repeats a group that itself holds a repeat, "
             + "which can take exponential time: write it without the outer repeat"),
    ]

    static let deep: [(name: String, text: String)] = [
        ("100,000 quote markers", String(repeating: ">", count: 100_000) + " x\n"),
        ("43,600 nested lists", String(repeating: "- ", count: 43_600) + "x\n"),
    ]

    /// The base site with one file added or replaced, a previous output, in a folder of its own.
    private func project(_ path: String, _ text: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-bounded-\(UUID().uuidString)").path
        var site = try SiteCase.base()
        site.files[path] = Array(text.utf8)
        try site.write(to: folder)
        try FileManager.default.createDirectory(atPath: folder + "/site", withIntermediateDirectories: true)
        try Data("previous".utf8).write(to: URL(fileURLWithPath: folder + "/site/index.html"))
        return folder
    }

    @Test(arguments: refused.indices)
    func refusedWithOneLocatedErrorAndTheOldSiteKept(index: Int) async throws {
        let (name, path, text, error) = Self.refused[index]
        let folder = try project(path, text)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let build = try await DossierRun.run(["build", "--quiet"], in: folder)
        #expect(build.exited, "\(name)")
        #expect(build.status == 1, "\(name)")
        #expect(build.errorLines == [error], "\(name)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/site") == ["index.html"])
        #expect(try String(contentsOfFile: folder + "/site/index.html", encoding: .utf8) == "previous")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") } == [])
        // `check` finds the same one problem, once.
        let check = try await DossierRun.run(["check"], in: folder)
        #expect(check.status == 1, "\(name)")
        #expect(check.errorLines == [error], "\(name)")
    }

    @Test(arguments: deep.indices)
    func deepMarkdownBuilds(index: Int) async throws {
        let (name, text) = Self.deep[index]
        let folder = try project("content/commentary/deep.md", "---\ntitle: Deep\ndate: 2024-01-01\n---\n" + text)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let build = try await DossierRun.run(["build", "--quiet"], in: folder)
        #expect(build.exited, "\(name)")
        #expect(build.status == 0, "\(name): \(build.errors)")
        #expect(FileManager.default.fileExists(atPath: folder + "/site/commentary/deep/index.html"), "\(name)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") } == [])
    }
}
