import DossierCore
import Foundation
import SiteBuild
import Testing

/// Same input, same bytes: whatever the worker count or the order directories list their files in.
@Suite struct DeterminismTests {
    private let caseDirectory = Fixtures.root.appendingPathComponent("sites/basic").path

    @Test func workerCountDoesNotChangeOutput() {
        let single = SiteBuilder(options: Fixtures.options(caseDirectory: caseDirectory, jobs: 1), fileSystem: .disk(root: caseDirectory)).build()
        let many = SiteBuilder(options: Fixtures.options(caseDirectory: caseDirectory, jobs: 8), fileSystem: .disk(root: caseDirectory)).build()
        #expect(single.succeeded)
        #expect(single.files == many.files)
    }

    @Test func directoryListingOrderDoesNotChangeOutput() {
        let disk = FileSystem.disk(root: caseDirectory)
        let reversed = FileSystem(
            readFile: disk.readFile,
            listDirectory: { try disk.listDirectory($0).sorted().reversed() },
            kind: disk.kind
        )
        let shuffled = FileSystem(
            readFile: disk.readFile,
            listDirectory: { try disk.listDirectory($0).shuffled() },
            kind: disk.kind
        )
        let options = Fixtures.options(caseDirectory: caseDirectory)
        let first = SiteBuilder(options: options, fileSystem: reversed).build()
        let second = SiteBuilder(options: options, fileSystem: shuffled).build()
        #expect(first.succeeded)
        #expect(first.files == second.files)
    }

    @Test func repeatedBuildsAreIdentical() {
        let options = Fixtures.options(caseDirectory: caseDirectory)
        let builds = (0..<3).map { _ in SiteBuilder(options: options, fileSystem: .disk(root: caseDirectory)).build().files }
        #expect(builds[0] == builds[1] && builds[1] == builds[2])
    }
}

/// The writer swaps a complete site in, or changes nothing.
@Suite struct AtomicWriteTests {
    @Test func failingWriteKeepsPreviousSiteAndLeavesNoTemporaryFolder() throws {
        let scratch = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let output = scratch + "/site"
        let previous = [OutputFile(path: "index.html", bytes: Array("old".utf8))]
        try SiteWriter(directory: output).write(previous)
        // "a" as both a file and a folder cannot be written: the write fails part way.
        let conflicting = [OutputFile(path: "index.html", bytes: Array("new".utf8)), OutputFile(path: "a", bytes: [1]), OutputFile(path: "a/b.html", bytes: [2])]
        #expect(throws: DiagnosticError.self) { try SiteWriter(directory: output).write(conflicting) }
        #expect(Fixtures.tree(at: output) == ["index.html": Array("old".utf8)])
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch) == ["site"])
    }

    @Test func successfulWriteReplacesEverything() throws {
        let scratch = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let output = scratch + "/site"
        try SiteWriter(directory: output).write([OutputFile(path: "index.html", bytes: [1]), OutputFile(path: "stale.html", bytes: [2])])
        try SiteWriter(directory: output).write([OutputFile(path: "index.html", bytes: [3]), OutputFile(path: "x/index.html", bytes: [4])])
        #expect(Fixtures.tree(at: output) == ["index.html": [3], "x/index.html": [4]])
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch) == ["site"])
    }

    @Test func refusesToReplaceAFolderThatIsNotASite() throws {
        let scratch = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try Data("notes".utf8).write(to: URL(fileURLWithPath: scratch + "/notes.md"))
        #expect(throws: DiagnosticError.self) { try SiteWriter(directory: scratch).write([OutputFile(path: "index.html", bytes: [1])]) }
        #expect(FileManager.default.fileExists(atPath: scratch + "/notes.md"))
    }
}
