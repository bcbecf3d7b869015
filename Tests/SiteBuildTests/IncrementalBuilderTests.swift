import DossierCore
import Foundation
import SiteBuild
import Testing

/// A temporary copy of the `basic` fixture (with the minimal templates, or the site's own) that tests may edit.
private struct Project {
    let root: String

    init(realTemplates: Bool = false) throws {
        root = try Fixtures.temporaryDirectory()
        let manager = FileManager.default
        try manager.copyItem(atPath: Fixtures.root.appendingPathComponent("sites/basic/content").path, toPath: root + "/content")
        let templates = realTemplates ? Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("templates").path : Fixtures.minimalTemplates
        try manager.copyItem(atPath: templates, toPath: root + "/templates")
    }

    var options: BuildOptions { BuildOptions(outputDirectory: root + "/site", jobs: 2) }

    func write(_ path: String, _ text: String) throws {
        let url = URL(fileURLWithPath: root + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOfFile: root + "/" + path, encoding: .utf8)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(atPath: root + "/" + path)
    }

    func fullBuild() -> BuildResult {
        SiteBuilder(options: options, fileSystem: .disk(root: root)).build()
    }
}

@Suite struct IncrementalBuilderTests {
    @Test func editingOneCommentaryRerendersOnlyWhatShowsIt() throws {
        let project = try Project()
        defer { try? FileManager.default.removeItem(atPath: project.root) }
        let builder = IncrementalBuilder(options: project.options, fileSystem: .disk(root: project.root))
        #expect(builder.rebuild(changedPaths: []).wasFullBuild)
        let path = "content/commentary/later-note.md"
        try project.write(path, try project.read(path) + "\nOne more sentence.\n")
        let report = builder.rebuild(changedPaths: [path])
        #expect(!report.wasFullBuild)
        #expect(report.rerenderedPages == ["commentary/later-note/index.html"])
        #expect(report.result.files == project.fullBuild().files)
    }

    @Test func addingACitationRerendersTheCitedBrief() throws {
        let project = try Project()
        defer { try? FileManager.default.removeItem(atPath: project.root) }
        let builder = IncrementalBuilder(options: project.options, fileSystem: .disk(root: project.root))
        _ = builder.rebuild(changedPaths: [])
        let path = "content/commentary/later-note.md"
        try project.write(path, try project.read(path) + "\nThe opening matters [[sample-brief#p1]].\n")
        let report = builder.rebuild(changedPaths: [path])
        // The indexes show each piece's citation count, so they change too.
        #expect(report.rerenderedPages == ["briefs/sample-brief/index.html", "commentary/index.html", "commentary/later-note/index.html", "index.html"])
        #expect(report.result.files == project.fullBuild().files)
    }

    /// Backlinks: the page a new link points to lists the linking page, so it is rendered again, and
    /// so is the page a removed link pointed to (issue 20: a seeded random edit was the only test).
    @Test func aLinkAddedOrRemovedRerendersItsTargetPage() throws {
        let project = try Project()
        defer { try? FileManager.default.removeItem(atPath: project.root) }
        let builder = IncrementalBuilder(options: project.options, fileSystem: .disk(root: project.root))
        _ = builder.rebuild(changedPaths: [])
        let target = "topics/harbours/index.html"
        let path = "content/commentary/later-note.md"
        let original = try project.read(path)
        #expect(!(try project.read("site/" + target)).contains("later-note"))

        try project.write(path, original + "\nHarbour fees are next: see [[harbours]].\n")
        let added = builder.rebuild(changedPaths: [path])
        #expect(added.rerenderedPages.contains(target))
        #expect(try project.read("site/" + target).contains("commentary/later-note/"))
        #expect(added.result.files == project.fullBuild().files)

        try project.write(path, original)
        let removed = builder.rebuild(changedPaths: [path])
        #expect(removed.rerenderedPages.contains(target))
        #expect(!(try project.read("site/" + target)).contains("later-note"))
        #expect(removed.result.files == project.fullBuild().files)
    }

    @Test func editingATemplateRerendersThePagesThatUseIt() throws {
        let project = try Project()
        defer { try? FileManager.default.removeItem(atPath: project.root) }
        let builder = IncrementalBuilder(options: project.options, fileSystem: .disk(root: project.root))
        _ = builder.rebuild(changedPaths: [])
        try project.write("templates/topic.html", try project.read("templates/topic.html").replacingOccurrences(of: "<h1>", with: "<h1 class=\"t\">"))
        let report = builder.rebuild(changedPaths: ["templates/topic.html"])
        #expect(report.rerenderedPages == ["topics/harbours/index.html", "topics/tariffs/index.html"])
        #expect(report.result.files == project.fullBuild().files)
    }

    @Test func editingSettingsRebuildsEverything() throws {
        let project = try Project()
        defer { try? FileManager.default.removeItem(atPath: project.root) }
        let builder = IncrementalBuilder(options: project.options, fileSystem: .disk(root: project.root))
        _ = builder.rebuild(changedPaths: [])
        try project.write("content/site.yml", try project.read("content/site.yml").replacingOccurrences(of: "Test Dossier", with: "Renamed"))
        let report = builder.rebuild(changedPaths: ["content/site.yml"])
        #expect(report.wasFullBuild)
        #expect(report.rerenderedPages.count == report.result.pageCount)
    }

    @Test func aBrokenEditKeepsTheLastGoodSiteAndIsReadAgainLater() throws {
        let project = try Project()
        defer { try? FileManager.default.removeItem(atPath: project.root) }
        let builder = IncrementalBuilder(options: project.options, fileSystem: .disk(root: project.root))
        _ = builder.rebuild(changedPaths: [])
        let before = Fixtures.tree(at: project.root + "/site")
        try project.remove("content/topics/tariffs.md")
        let broken = builder.rebuild(changedPaths: ["content/topics/tariffs.md"])
        #expect(!broken.result.succeeded)
        #expect(broken.result.diagnostics.contains { $0.message.contains("unknown page 'tariffs'") })
        #expect(Fixtures.tree(at: project.root + "/site") == before)
        // An unrelated edit must not hide the still-missing topic.
        let path = "content/commentary/first-look.md"
        try project.write(path, try project.read(path) + "\nMore.\n")
        #expect(!builder.rebuild(changedPaths: [path]).result.succeeded)
        try project.write("content/topics/tariffs.md", "---\ntitle: Tariffs\naliases: [tariff]\n---\nBack.\n")
        let fixed = builder.rebuild(changedPaths: ["content/topics/tariffs.md"])
        #expect(fixed.result.succeeded)
        #expect(fixed.result.files == project.fullBuild().files)
    }

    /// The property the preview relies on: after any sequence of edits, incremental output equals a full build.
    /// With the site's own templates too: they show more of each document (citation counts, backlinks, dates).
    @Test(arguments: [1, 2, 3, 4, 5, 6], [false, true])
    func randomEditsMatchAFullBuild(seed: UInt64, realTemplates: Bool) throws {
        let project = try Project(realTemplates: realTemplates)
        defer { try? FileManager.default.removeItem(atPath: project.root) }
        let builder = IncrementalBuilder(options: project.options, fileSystem: .disk(root: project.root))
        let first = builder.rebuild(changedPaths: [])
        #expect(first.result.succeeded, "\(first.result.diagnostics.map(\.description))")
        var succeeded = 0
        var random = SeededRandom(seed: seed)
        for step in 0..<12 {
            let changed = try RandomEdit.apply(to: project.root, step: step, using: &random)
            let report = builder.rebuild(changedPaths: changed)
            let full = project.fullBuild()
            #expect(report.result.succeeded == full.succeeded, "step \(step): \(changed)")
            guard full.succeeded else { continue }
            succeeded += 1
            let expected = Dictionary(uniqueKeysWithValues: full.files.map { ($0.path, $0.bytes) })
            let incremental = Dictionary(uniqueKeysWithValues: report.result.files.map { ($0.path, $0.bytes) })
            let onDisk = Fixtures.tree(at: project.root + "/site")
            for (name, actual) in [("in memory", incremental), ("on disk", onDisk)] {
                let differing = Set(expected.keys).union(actual.keys).filter { expected[$0] != actual[$0] }.sorted()
                #expect(differing.isEmpty, "step \(step) \(changed): \(name), these differ from a full build: \(differing)")
            }
        }
        // Most steps must build, or the comparison would prove little.
        #expect(succeeded >= 8)
    }
}

/// SplitMix64: small, seeded, the same sequence on every machine.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Edits an author might make, chosen at random; returns the paths touched.
enum RandomEdit {
    static func apply(to root: String, step: Int, using random: inout SeededRandom) throws -> [String] {
        let commentary = ["content/commentary/first-look.md", "content/commentary/later-note.md"]
        let sentences = [
            "A new thought on [[harbours]].", "It cites [[sample-brief#p2]].", "Plain words only.",
            "See [[tariffs|the duties]] and [[sample-brief#p1-p3]].", "Back to [[first-look]].",
        ]
        func append(_ path: String, _ text: String) throws -> [String] {
            let url = URL(fileURLWithPath: root + "/" + path)
            let old = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            try Data((old + "\n" + text + "\n").utf8).write(to: url)
            return [path]
        }
        func replace(_ path: String, _ target: String, _ replacement: String) throws -> [String] {
            let url = URL(fileURLWithPath: root + "/" + path)
            let old = try String(contentsOf: url, encoding: .utf8)
            try Data(old.replacingOccurrences(of: target, with: replacement).utf8).write(to: url)
            return [path]
        }
        /// Rewrites the front-matter line `key: …` of a file.
        func setField(_ path: String, _ key: String, _ value: String) throws -> [String] {
            let url = URL(fileURLWithPath: root + "/" + path)
            let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
            let edited = lines.map { $0.hasPrefix(key + ":") ? key + ": " + value : $0 }
            try Data(edited.joined(separator: "\n").utf8).write(to: url)
            return [path]
        }
        switch Int.random(in: 0..<12, using: &random) {
        case 0, 1:
            return try append(commentary.randomElement(using: &random) ?? commentary[0], sentences.randomElement(using: &random) ?? "")
        case 2:
            return try replace("content/commentary/later-note.md", "title: A later note", "title: A later note \(step)")
        case 3:
            let path = "content/commentary/new-\(step).md"
            try Data("---\ntitle: New \(step)\ndate: 2025-01-0\(step % 9 + 1)\ntopics: [tariffs]\n---\nNew piece citing [[sample-brief#p3]].\n".utf8)
                .write(to: URL(fileURLWithPath: root + "/" + path))
            return [path]
        case 4:
            let folder = root + "/content/commentary"
            let extra = (try FileManager.default.contentsOfDirectory(atPath: folder)).filter { $0.hasPrefix("new-") }.sorted()
            guard let victim = extra.first else { return try append(commentary[0], "Nothing to delete.") }
            try FileManager.default.removeItem(atPath: folder + "/" + victim)
            return ["content/commentary/" + victim]
        case 5:
            return try replace("content/topics/harbours.md", "summary: Ports, piers and harbour fees.", "summary: Ports and fees, step \(step).")
        case 6:
            return try replace("templates/commentary.html", "<h1>{{page.title}}</h1>", "<h1>{{page.title}} </h1>")
        case 7:
            return try append("content/briefs/sample-brief.txt", "A closing line about the harbour at step \(step).")
        case 8:
            // Every wiki link of one piece becomes plain text: its backlinks disappear.
            return try replace(commentary.randomElement(using: &random) ?? commentary[0], "[[", "[ [")
        case 9:
            let topics = ["[tariffs]", "[harbours]", "[harbours, tariffs]"]
            return try setField(commentary.randomElement(using: &random) ?? commentary[0], "topics", topics.randomElement(using: &random) ?? topics[0])
        case 10:
            return try setField(commentary.randomElement(using: &random) ?? commentary[0], "date", "2024-10-\(10 + step)")
        default:
            // Different aliases tag different brief paragraphs.
            let aliases = ["[harbour, \"port fee\"]", "[harbour]", "[\"port fee\", steel]", "[tariff]"]
            return try setField("content/topics/harbours.md", "aliases", aliases.randomElement(using: &random) ?? aliases[0])
        }
    }
}
