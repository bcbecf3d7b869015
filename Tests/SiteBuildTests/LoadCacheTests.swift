import DossierCore
import Foundation
import SiteLoading
import Synchronization
import Testing

/// Loading through a cache re-reads only what changed, and gives what a fresh load gives.
@Suite struct LoadCacheTests {
    /// An in-memory file system whose files can change, counting reads per path.
    private final class Files: Sendable {
        let contents: Mutex<[String: String]>
        let reads = Mutex<[String: Int]>([:])

        init(_ files: [String: String]) { contents = Mutex(files) }

        private var current: FileSystem { FileSystem.inMemory(contents.withLock { $0 }) }

        var fileSystem: FileSystem {
            FileSystem(
                readFile: { [self] path in
                    reads.withLock { $0[path, default: 0] += 1 }
                    return try current.readFile(path)
                },
                listDirectory: { [self] in try current.listDirectory($0) },
                kind: { [self] in current.kind($0) }
            )
        }
    }

    private func documentTitles(_ content: LoadedContent) -> [String] {
        content.site.documents.map(\.title).sorted()
    }

    @Test func onlyForgottenFilesAreReadAgain() {
        let files = Files([
            "content/site.yml": "title: T\n",
            "content/commentary/a.md": "---\ntitle: A\n---\nText.\n",
            "content/commentary/b.md": "---\ntitle: B\n---\nText.\n",
            "content/briefs/x.txt": "X\n\nFirst paragraph.\n",
        ])
        let loader = ContentLoader(directory: "content", fileSystem: files.fileSystem, includesDrafts: false)
        var cache = LoadCache()
        _ = loader.load(cache: &cache)
        files.contents.withLock {
            $0["content/commentary/b.md"] = "---\ntitle: B2\n---\nText.\n"
            $0["content/commentary/c.md"] = "---\ntitle: C\n---\nText.\n"
            $0["content/commentary/a.md"] = nil
        }
        cache.forget(["content/commentary/b.md", "content/commentary/c.md", "content/commentary/a.md"])
        let again = loader.load(cache: &cache)
        #expect(documentTitles(again) == ["B2", "C"])
        #expect(documentTitles(again) == documentTitles(loader.load()))
        let reads = files.reads.withLock { $0 }
        #expect(reads["content/site.yml"] == 2, "read by the first load and the fresh one only")
        #expect(reads["content/briefs/x.txt"] == 2)
        #expect(reads["content/commentary/b.md"] == 3)
    }

    @Test func aChangedFolderForgetsEveryDocumentInIt() {
        let files = Files([
            "content/site.yml": "title: T\n",
            "content/topics/t.md": "---\ntitle: T1\n---\nText.\n",
        ])
        let loader = ContentLoader(directory: "content", fileSystem: files.fileSystem, includesDrafts: false)
        var cache = LoadCache()
        _ = loader.load(cache: &cache)
        files.contents.withLock { $0["content/topics/t.md"] = "---\ntitle: T2\n---\nText.\n" }
        cache.forget(["content/topics"])
        #expect(documentTitles(loader.load(cache: &cache)) == ["T2"])
    }
}
