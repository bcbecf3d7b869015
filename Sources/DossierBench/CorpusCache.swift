import BenchCorpus
import Foundation

/// A corpus in `.bench/corpus-N`, generated again only when the generator's version, the seed or the size changed.
struct CorpusCache {
    var pages: Int
    var locations: BenchLocations

    struct Corpus {
        var folder: String
        var content: String
        /// Bytes of every `.md` file, front matter included.
        var markdownBytes: Int
        /// Every Markdown file: path and text.
        var markdownFiles: [(path: String, text: String)]
    }

    func prepare(loadMarkdown: Bool = false) throws -> Corpus {
        let folder = "\(locations.benchDirectory)/corpus-\(pages)"
        let generator = CorpusGenerator(pages: pages, seed: locations.seed)
        if generator.isCached(in: folder) {
            say("corpus-\(pages): cached (\(generator.stamp.trimmingCharacters(in: .newlines)))")
        } else {
            say("corpus-\(pages): generating…")
            let start = Date()
            try? FileManager.default.removeItem(atPath: folder)
            try generator.write(to: folder)
            say(String(format: "corpus-\(pages): generated in %.1f s", Date().timeIntervalSince(start)))
        }
        let content = folder + "/content"
        var bytes = 0
        var files: [(String, String)] = []
        let manager = FileManager.default
        for sub in ["", "pages", "topics", "commentary"] {
            let dir = sub.isEmpty ? content : content + "/" + sub
            for name in (try manager.contentsOfDirectory(atPath: dir)).sorted() where name.hasSuffix(".md") {
                let path = dir + "/" + name
                if loadMarkdown {
                    let text = try String(contentsOfFile: path, encoding: .utf8)
                    bytes += text.utf8.count
                    files.append((path, text))
                } else {
                    bytes += (try manager.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
                }
            }
        }
        return Corpus(folder: folder, content: content, markdownBytes: bytes, markdownFiles: files)
    }
}
