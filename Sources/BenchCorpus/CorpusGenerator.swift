import Foundation

/// One generated file: a path relative to the corpus folder and its text.
public struct CorpusFile: Sendable, Hashable {
    public var path: String
    public var text: String
}

/// Generates a benchmark `content/` folder: `pages` commentary pieces of 2–4 KB of Markdown, 40 topics,
/// a few long briefs with page furniture, a home page and an about page. The same seed gives the same bytes.
public struct CorpusGenerator: Sendable {
    /// Bumped whenever the output changes, so cached corpora are regenerated.
    public static let version = 3
    /// Body paragraphs in each brief (citations stay within this).
    public static let briefParagraphs = 120

    public var pages: Int
    public var seed: UInt64

    public init(pages: Int, seed: UInt64) {
        self.pages = pages
        self.seed = seed
    }

    /// What identifies a corpus on disk: generator version, seed and size.
    public var stamp: String { "dossier-bench corpus v\(Self.version) seed \(seed) pages \(pages)\n" }

    /// Briefs grow slowly with the corpus: 3 for a small one, up to 8.
    public var briefCount: Int { min(8, 3 + pages / 5000) }

    /// The commentary slugs, in order.
    public var commentarySlugs: [String] {
        var random = SeededRandom(seed: seed).fork(1)
        return (0..<pages).map { index in
            let first = random.pick(Vocabulary.slugWords)
            let second = random.pick(Vocabulary.slugWords)
            return "\(first)-\(second)-\(String(format: "%05d", index + 1))"
        }
    }

    public var briefSlugs: [String] {
        (0..<briefCount).map { "brief-\(Vocabulary.surnames[$0 % Vocabulary.surnames.count].lowercased())-\(2019 + $0)" }
    }

    /// Every file of the corpus, in a fixed order.
    public func files() -> [CorpusFile] {
        var files: [CorpusFile] = []
        forEachFile { files.append($0) }
        return files
    }

    /// Calls `body` with each file in turn (so a 100,000-page corpus need not sit in memory).
    public func forEachFile(_ body: (CorpusFile) throws -> Void) rethrows {
        let slugs = commentarySlugs
        let briefs = briefSlugs
        let root = SeededRandom(seed: seed)
        try body(CorpusFile(path: "content/site.yml", text: siteSettings()))
        try body(CorpusFile(path: "content/index.md", text: homePage(random: root.fork(2), slugs: slugs)))
        try body(CorpusFile(path: "content/pages/about.md", text: aboutPage(random: root.fork(3))))
        for (index, slug) in briefs.enumerated() {
            var random = root.fork(100 + UInt64(index))
            let brief = BriefText(index: index, random: &random)
            try body(CorpusFile(path: "content/briefs/\(slug).txt", text: brief.text))
            try body(CorpusFile(path: "content/briefs/\(slug).yml", text: brief.sidecar))
        }
        for (index, topic) in Vocabulary.topics.enumerated() {
            var random = root.fork(1000 + UInt64(index))
            var writer = MarkdownWriter(random: random, topics: Vocabulary.topics.map(\.slug), briefs: briefs, commentary: slugs)
            try body(CorpusFile(path: "content/topics/\(topic.slug).md", text: writer.topicPage(topic: topic, random: &random)))
        }
        for (index, slug) in slugs.enumerated() {
            let random = root.fork(1_000_000 + UInt64(index))
            var writer = MarkdownWriter(random: random, topics: Vocabulary.topics.map(\.slug), briefs: briefs, commentary: slugs)
            try body(CorpusFile(path: "content/commentary/\(slug).md", text: writer.commentary(index: index)))
        }
    }

    /// Writes the corpus under `directory` (creating it): `content/`, its Hugo form in `hugo/`, and a
    /// `VERSION` stamp last.
    public func write(to directory: String) throws {
        let manager = FileManager.default
        let hugo = HugoForm(generator: self)
        var made: Set<String> = []
        try forEachFile { dossierFile in
            for file in [dossierFile] + hugo.files(for: dossierFile) {
                let url = URL(fileURLWithPath: directory).appendingPathComponent(file.path)
                let folder = url.deletingLastPathComponent().path
                if made.insert(folder).inserted {
                    try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                }
                try Data(file.text.utf8).write(to: url)
            }
        }
        try Data(stamp.utf8).write(to: URL(fileURLWithPath: directory).appendingPathComponent("VERSION"))
    }

    /// Whether `directory` already holds this exact corpus (same stamp).
    public func isCached(in directory: String) -> Bool {
        let stampPath = URL(fileURLWithPath: directory).appendingPathComponent("VERSION").path
        guard let data = FileManager.default.contents(atPath: stampPath) else { return false }
        return String(decoding: data, as: UTF8.self) == stamp
    }

    private func siteSettings() -> String {
        """
        title: Benchmark Dossier
        description: A generated corpus of \(pages) commentary pieces, 40 topics and \(briefCount) briefs for measuring dossier.
        language: en
        author: dossier-bench
        base_url: https://example.org/bench/

        """
    }

    private func homePage(random: SeededRandom, slugs: [String]) -> String {
        var random = random
        var text = "---\ntitle: Benchmark Dossier\n---\n"
        text += "This site is generated by `dossier-bench` to measure how dossier scales. It holds \(pages) commentary pieces "
        text += "on \(Vocabulary.topics.count) topics, which cite \(briefCount) long briefs.\n\n"
        let featured = random.sample(Array(slugs.prefix(200)), count: min(5, slugs.count))
        text += "Start with " + featured.map { "[[\($0)]]" }.joined(separator: ", ") + ", or browse [[alliance-management|the topics]].\n"
        return text
    }

    private func aboutPage(random: SeededRandom) -> String {
        var random = random
        var text = "---\ntitle: About\nsummary: What this generated corpus is and how it was made.\n---\n"
        text += "## The corpus\n\nEvery text here is generated from a fixed vocabulary with seed \(seed). "
        text += "The briefs imitate plain text extracted from PDF files, with running footers, a masthead and contact lines.\n\n"
        text += "## The briefs\n\n"
        for slug in briefSlugs {
            text += "- [[\(slug)]], cited as \(random.pick(["the first", "a long", "a second", "another"])) brief.\n"
        }
        return text
    }
}
