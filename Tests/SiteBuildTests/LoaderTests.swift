import DossierCore
import Foundation
import SiteBuild
import SiteLoading
import Testing

/// Loading edge cases that cannot live as files in a fixture folder.
@Suite struct LoaderTests {
    private let site = "title: T\n"

    @Test func byteOrderMarkAndCRLFWork() {
        let fileSystem = FileSystem.inMemory(bytes: [
            "content/site.yml": [0xEF, 0xBB, 0xBF] + Array("title: T\r\n".utf8),
            "content/pages/about.md": [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: About\r\n---\r\nLine one.\r\n\r\nBad [[nowhere]].\r\n".utf8),
        ])
        let content = ContentLoader(directory: "content", fileSystem: fileSystem, includesDrafts: false).load()
        #expect(content.diagnostics.isEmpty)
        #expect(content.site.documents.first?.title == "About")
        #expect(content.site.documents.first?.body == "Line one.\n\nBad [[nowhere]].\n")
        #expect(content.site.documents.first?.bodyFirstLine == 4)
    }

    @Test func oversizedFileIsAnErrorNotASlowBuild() {
        let huge = Array("---\ntitle: Big\n---\n".utf8) + Array(repeating: UInt8(ascii: "a"), count: 20 * 1024 * 1024)
        let fileSystem = FileSystem.inMemory(bytes: ["content/site.yml": Array(site.utf8), "content/commentary/big.md": huge])
        let content = ContentLoader(directory: "content", fileSystem: fileSystem, includesDrafts: false).load()
        #expect(content.diagnostics.map(\.description) == ["content/commentary/big.md:1:1: error: file is 20 MB; source files are limited to 8 MB"])
    }

    @Test func unreadableFileIsAnError() {
        let memory = FileSystem.inMemory(["content/site.yml": site, "content/commentary/locked.md": "---\ntitle: x\n---\n"])
        let fileSystem = FileSystem(
            readFile: { path in
                if path.hasSuffix("locked.md") { throw FileSystemError(path: path, reason: "cannot be read (check its permissions)") }
                return try memory.readFile(path)
            },
            listDirectory: memory.listDirectory,
            kind: memory.kind
        )
        let content = ContentLoader(directory: "content", fileSystem: fileSystem, includesDrafts: false).load()
        #expect(content.diagnostics.map(\.description) == ["content/commentary/locked.md:1:1: error: cannot be read (check its permissions)"])
    }

    @Test func draftsAreLeftOutUnlessAskedFor() {
        let fileSystem = FileSystem.inMemory([
            "content/site.yml": site,
            "content/commentary/wip.md": "---\ntitle: Work in progress\ndraft: true\n---\nText.\n",
        ])
        #expect(ContentLoader(directory: "content", fileSystem: fileSystem, includesDrafts: false).load().site.documents.isEmpty)
        #expect(ContentLoader(directory: "content", fileSystem: fileSystem, includesDrafts: true).load().site.documents.count == 1)
    }

    @Test func missingContentFolderIsAnError() {
        let content = ContentLoader(directory: "content", fileSystem: .inMemory([:]), includesDrafts: false).load()
        #expect(content.diagnostics.map(\.description) == ["dossier: error: content folder 'content' not found"])
    }

    @Test func outputFolderThatCannotBeWrittenIsAnError() throws {
        let scratch = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        // A regular file where the output's parent folder should be.
        try Data("x".utf8).write(to: URL(fileURLWithPath: scratch + "/blocker"))
        let caseDirectory = Fixtures.root.appendingPathComponent("sites/basic").path
        let options = Fixtures.options(caseDirectory: caseDirectory, output: scratch + "/blocker/site")
        let result = SiteBuilder(options: options, fileSystem: .disk(root: caseDirectory)).buildAndWrite()
        #expect(!result.succeeded)
        #expect(result.diagnostics.last?.message.contains("cannot create") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch) == ["blocker"])
    }
}
