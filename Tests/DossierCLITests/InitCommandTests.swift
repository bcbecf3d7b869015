@testable import DossierCLI
import DossierCore
import Foundation
import Testing

/// `dossier init`: a new site that builds and checks clean at once, from templates carried in the binary.
@Suite struct InitCommandTests {
    private static func scratch() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("dossier-init-\(UUID().uuidString)").path
    }

    @Test func aNewSiteBuildsAndPassesTheStrictCheck() async throws {
        let parent = Self.scratch()
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let created = try await DossierProcess.run(["init", "my-site"], in: parent)
        #expect(created.status == 0, "\(created.output)")
        #expect(created.output.contains("next: cd my-site && dossier build"))
        let site = parent + "/my-site"
        let built = try await DossierProcess.run(["build"], in: site)
        #expect(built.status == 0, "\(built.output)")
        #expect(!built.output.contains("error"), "\(built.output)")
        let checked = try await DossierProcess.run(["check", "--strict"], in: site)
        #expect(checked.status == 0, "\(checked.output)")
        #expect(checked.output.contains("2 quotations verified against 2 paragraphs"), "\(checked.output)")
        // With a base URL the feeds and sitemap are checked too.
        let published = try await DossierProcess.run(["check", "--strict", "--base-url", "https://example.org/my-site/"], in: site)
        #expect(published.status == 0, "\(published.output)")
        let note = try String(contentsOfFile: site + "/site/commentary/first-note/index.html", encoding: .utf8)
        #expect(note.contains("rel=\"author\">Sam Editor</a>"))
        #expect(FileManager.default.fileExists(atPath: site + "/site/authors/editor/index.html"))
        #expect(FileManager.default.fileExists(atPath: site + "/site/assets/share.png"))
    }

    @Test func aFolderThatHoldsAnythingIsRefusedAndLeftAlone() async throws {
        let folder = Self.scratch()
        try FileManager.default.createDirectory(atPath: folder + "/.git", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A folder with only .git (after `git init`) is empty enough.
        #expect(try await DossierProcess.run(["init"], in: folder).status == 0)
        let again = try await DossierProcess.run(["init", "."], in: folder)
        #expect(again.status == 1)
        #expect(!again.output.contains("Usage:"))
        #expect(again.output.contains("this folder is not empty (it holds content, templates): init writes only into a new or empty folder"), "\(again.output)")
        let file = folder + "/notes.txt"
        try Data("mine".utf8).write(to: URL(fileURLWithPath: file))
        #expect(try await DossierProcess.run(["init", "notes.txt"], in: folder).output.contains("notes.txt is a file, not a folder"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "mine")
    }

    /// The embedded templates are templates/ byte for byte; regenerate with `make embedded-templates`.
    @Test func embeddedTemplatesEqualTheTemplatesFolder() throws {
        let folder = CommandTests.projectRoot + "/templates"
        var onDisk: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder))
        for case let path as String in enumerator {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder), !isFolder.boolValue,
                  !path.split(separator: "/").contains(where: { IgnoredFiles.contains(String($0)) }) else { continue }
            onDisk[path] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + path))
        }
        let embedded = Dictionary(DefaultTemplates.files.map { ($0.path, Data(base64Encoded: $0.base64)) }, uniquingKeysWith: { first, _ in first })
        let stale = Set(onDisk.keys).union(embedded.keys).filter { onDisk[$0] != embedded[$0] ?? nil }.sorted()
        #expect(stale.isEmpty, "Sources/DossierCLI/DefaultTemplates.swift differs from templates/ in \(stale): run 'make embedded-templates' and commit it")
        #expect(DefaultTemplates.files.map(\.path) == DefaultTemplates.files.map(\.path).sorted())
    }
}
