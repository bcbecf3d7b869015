import DossierCore
import Foundation
@testable import SiteBuild
import Testing

/// What the writer may touch in the output folder: only what dossier wrote (its manifest), only where
/// something changed, never a folder's sources; temporary folders never outlive a build.
@Suite struct SiteWriterTests {
    private let scratch: String
    private var output: String { scratch + "/site" }

    init() throws {
        scratch = try Fixtures.temporaryDirectory()
    }

    private func put(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: scratch + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    private func file(_ path: String, _ text: String) -> OutputFile {
        OutputFile(path: path, bytes: Array(text.utf8))
    }

    private func message(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return "\(error)"
        }
    }

    private func inode(_ path: String) -> UInt64 {
        var info = stat()
        return lstat(path, &info) == 0 ? UInt64(info.st_ino) : 0
    }

    /// The case: a folder of one's own with an index.html is not taken over.
    @Test func refusesAFolderHoldingFilesItDidNotWriteAndNamesThem() throws {
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try put("site/notes.txt", "keep")
        try put("site/index.html", "<h1>mine</h1>")
        try put("site/photos/cat.jpg", "meow")
        try put("site/.ssh/id", "secret")
        let error = message { try SiteWriter(directory: output).write([file("index.html", "new")]) }
        #expect(error == "dossier: error: output folder '\(output)' holds files dossier did not write ('.ssh/', 'notes.txt', 'photos/'); "
            + "refusing to build into it, so they are neither deleted nor published: move them out of it, or pass another --output")
        #expect(Fixtures.tree(at: output) == ["notes.txt": Array("keep".utf8), "index.html": Array("<h1>mine</h1>".utf8),
                                              "photos/cat.jpg": Array("meow".utf8), ".ssh/id": Array("secret".utf8)])
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch) == ["site"])
    }

    /// Once a build wrote its manifest, a file put there later stops the next build, and a link is never followed.
    @Test func refusesFilesAddedAfterABuildWithoutFollowingLinks() throws {
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try SiteWriter(directory: output).write([file("index.html", "one"), file("a/b.html", "two")])
        try put("keep/file.txt", "mine")
        try FileManager.default.createSymbolicLink(atPath: output + "/a/link", withDestinationPath: scratch + "/keep")
        for extra in 0..<4 { try put("site/extra-\(extra).txt", "x") }
        let error = message { try SiteWriter(directory: output).write([file("index.html", "three")]) }
        #expect(error?.contains("('a/link', 'extra-0.txt', 'extra-1.txt' and 2 more)") == true)
        #expect(try String(contentsOfFile: output + "/index.html", encoding: .utf8) == "one")
        #expect(try String(contentsOfFile: scratch + "/keep/file.txt", encoding: .utf8) == "mine")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch).sorted() == ["keep", "site"])
    }

    /// A site from before manifests (the committed site/) is taken over when it holds only files this build writes.
    @Test func takesOverASiteWithoutManifestWhenEveryFileIsOneItWrites() throws {
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try put("site/index.html", "old")
        try put("site/a/b.html", "old b")
        try SiteWriter(directory: output).write([file("index.html", "new"), file("a/b.html", "old b"), file("c.html", "c")])
        #expect(Fixtures.tree(at: output) == ["index.html": Array("new".utf8), "a/b.html": Array("old b".utf8), "c.html": Array("c".utf8)])
        #expect(OutputManifest.read(in: output) == ["index.html", "a/b.html", "c.html"])
        // Without a manifest, a file this build would not write is someone else's.
        try FileManager.default.removeItem(atPath: output + "/" + OutputManifest.fileName)
        let error = message { try SiteWriter(directory: output).write([file("index.html", "newer")]) }
        #expect(error?.contains("('a/', 'c.html')") == true)
        #expect(try String(contentsOfFile: output + "/index.html", encoding: .utf8) == "new")
    }

    /// Over an existing site only changed files are replaced (unchanged ones keep their inode), files
    /// that are gone are removed with their emptied folders, and a file may become a folder.
    @Test func rebuildWritesOnlyWhatChangedAndRemovesWhatIsGone() throws {
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try SiteWriter(directory: output).write([file("index.html", "1"), file("same.html", "same"), file("old/deep/x.html", "x"), file("a", "file")])
        let sameInode = inode(output + "/same.html")
        try SiteWriter(directory: output).write([file("index.html", "2"), file("same.html", "same"), file("a/b.html", "now a folder")])
        #expect(Fixtures.tree(at: output) == ["index.html": Array("2".utf8), "same.html": Array("same".utf8), "a/b.html": Array("now a folder".utf8)])
        #expect(inode(output + "/same.html") == sameInode)
        #expect(!FileManager.default.fileExists(atPath: output + "/old"))
        #expect(OutputManifest.read(in: output) == ["index.html", "same.html", "a/b.html"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch) == ["site"])
    }

    @Test func failingRebuildKeepsEveryFileAndLeavesNoTemporaryFolder() throws {
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try SiteWriter(directory: output).write([file("index.html", "old"), file("x/y.html", "y")])
        let before = Fixtures.tree(at: output)
        let manifest = OutputManifest.read(in: output)
        let error = message {
            try SiteWriter(directory: output).write { (staging: inout SiteWriter.Staging) throws(DiagnosticError) in
                try staging.add([file("index.html", "new")])
                throw DiagnosticError(.error("the build failed", at: nil))
            }
        }
        #expect(error == "dossier: error: the build failed")
        #expect(Fixtures.tree(at: output) == before)
        #expect(OutputManifest.read(in: output) == manifest)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch) == ["site"])
    }

    /// A temporary folder of a process that is gone (SIGKILL, a crash) is swept; a live one's is left alone.
    @Test func sweepsTemporaryFoldersOfDeadProcesses() throws {
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let dead = Process()
        dead.executableURL = URL(fileURLWithPath: "/bin/true")
        try dead.run()
        dead.waitUntilExit()
        try put(".site.tmp-\(dead.processIdentifier)-7/index.html", "left by a killed build")
        try put(".site.old-\(dead.processIdentifier)-8/index.html", "left by a killed build")
        try put(".site.tmp-\(getpid())-9/index.html", "a build in progress")
        try put(".other.tmp-\(dead.processIdentifier)-7/index.html", "not ours")
        try SiteWriter(directory: output).write([file("index.html", "new")])
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch).sorted() == [".other.tmp-\(dead.processIdentifier)-7", ".site.tmp-\(getpid())-9", "site"])
    }

    @Test func refusesAnOutputInsideOrAroundAnInputFolder() throws {
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try put("templates/assets/site.css", "css")
        try put("content/site.yml", "title: t")
        let inside = message { try SiteWriter(directory: scratch + "/templates/assets/out", inputs: [scratch + "/content", scratch + "/templates"]).write([file("index.html", "x")]) }
        #expect(inside == "dossier: error: output folder '\(scratch)/templates/assets/out' is inside the input folder '\(scratch)/templates'; every build would read its own output: "
            + "choose an output folder outside the content and templates folders (the default is 'site')")
        let around = message { try SiteWriter(directory: scratch, inputs: [scratch + "/content", scratch + "/templates"]).write([file("index.html", "x")]) }
        #expect(around == "dossier: error: output folder '\(scratch)' holds the input folder '\(scratch)/content'; building into it would replace your sources: choose another --output")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch).sorted() == ["content", "templates"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch + "/templates/assets") == ["site.css"])
    }

    /// A full disk (here /dev/full, which answers every write with ENOSPC) is named as such.
    @Test func aFullDiskIsReportedWithItsCause() throws {
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        #expect(DiskIO.writeNewFile("/dev/full", [1, 2, 3]) == ENOSPC)
        #expect(DiskIO.reason(ENOSPC) == "the disk is full (ENOSPC): free some space and build again")
    }

    @Test func manifestKeepsAnyFileName() {
        let paths: Set<String> = ["a\nb.html", "back\\slash", "plain/index.html", "cr\r.txt"]
        #expect(OutputManifest.decode(OutputManifest.encode(paths)) == paths)
        #expect(OutputManifest.decode(Array("index.html\n".utf8)) == nil)
    }

    /// The preview's incremental path moves in only the files it is given and keeps the manifest true.
    @Test func updateMovesInChangedFilesAndRemovesGoneOnes() throws {
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try SiteWriter(directory: output).write([file("index.html", "1"), file("p/index.html", "p"), file("q/index.html", "q")])
        try SiteWriter(directory: output).update(writing: [file("p/index.html", "p2"), file("r/index.html", "r")],
                                                 paths: ["index.html", "p/index.html", "r/index.html"], previous: ["index.html", "p/index.html", "q/index.html"])
        #expect(Fixtures.tree(at: output) == ["index.html": Array("1".utf8), "p/index.html": Array("p2".utf8), "r/index.html": Array("r".utf8)])
        #expect(OutputManifest.read(in: output) == ["index.html", "p/index.html", "r/index.html"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch) == ["site"])
    }
}
