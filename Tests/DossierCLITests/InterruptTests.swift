import Foundation
import Testing

/// An interrupted `dossier build` removes its temporary folder and leaves the old output as it was, or
/// (when the signal came while the new site was being moved in, which the build finishes first) the
/// whole new site: never a mixture, never a temporary folder.
@Suite(.serialized) struct InterruptTests {
    /// A project large enough that the build is still running when the signal comes.
    static func largeProject() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-interrupt-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/content/commentary", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/site", withIntermediateDirectories: true)
        try Data("title: Interrupted\n".utf8).write(to: URL(fileURLWithPath: folder + "/content/site.yml"))
        for number in 0..<2000 {
            let text = "---\ntitle: Note \(number)\ndate: 2024-01-01\n---\nSome words for note \(number).\n"
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/content/commentary/n\(number).md"))
        }
        try Data("previous".utf8).write(to: URL(fileURLWithPath: folder + "/site/index.html"))
        return folder
    }

    /// Everything dossier keeps beside the output while it works (temporary folders, the lock).
    static func leftovers(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix(".site.") }
    }

    /// Every file below `root`, relative to it.
    static func files(in root: String) -> Set<String> {
        let enumerator = FileManager.default.enumerator(atPath: root)
        var found: Set<String> = []
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder), !isFolder.boolValue { found.insert(path) }
        }
        return found
    }

    /// Sends `signal` once the build holds the output's lock and is under way (its temporary folder
    /// exists): on that event, not after a time. Fails if the build ended first.
    static func send(_ signal: Int32, to run: DossierRun, whenWritingIn folder: String) async throws {
        let sent = await run.send(signal) { leftovers(in: folder).contains { $0.hasPrefix(".site.tmp-") } }
        try #require(sent, "the build ended before it could be interrupted")
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func interruptedBuildRemovesItsTemporaryFolder(signal: Int32) async throws {
        let folder = try Self.largeProject()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try DossierRun(["build", "--quiet", "--templates", CommandTests.projectRoot + "/Tests/Fixtures/templates-minimal"], in: folder)
        try await Self.send(signal, to: run, whenWritingIn: folder)
        await run.exit()
        let process = run.process

        // Which outcome happened depends on where the build was when the signal came; each is judged
        // whole, so the verdict does not depend on the machine's load.
        #expect(process.terminationReason == .exit)
        #expect(Self.leftovers(in: folder).isEmpty)
        let site = Self.files(in: folder + "/site")
        if site == ["index.html"] {
            // Interrupted before the swap: the old output byte for byte, and the signal's exit status.
            #expect(process.terminationStatus == 128 + signal)
            #expect(try String(contentsOfFile: folder + "/site/index.html", encoding: .utf8) == "previous")
        } else {
            // The swap had begun (an interruption waits for it) or the build had ended: the new site whole.
            #expect([0, 128 + signal].contains(process.terminationStatus))
            let manifest = try String(contentsOfFile: folder + "/site/.dossier-manifest", encoding: .utf8)
            let listed = Set(manifest.split(separator: "\n").dropFirst().map(String.init))
            #expect(site == listed.union([".dossier-manifest"]))
            #expect(site.contains("commentary/n1999/index.html"))
            #expect(try String(contentsOfFile: folder + "/site/index.html", encoding: .utf8) != "previous")
        }
    }
}
