import Foundation
import Testing

/// An interrupted `dossier build` removes its temporary folder and leaves the old output as it was.
@Suite(.serialized) struct InterruptTests {
    /// A project large enough that the build is still running when the signal comes.
    private func project() throws -> String {
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

    private func temporaryFolders(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix(".site.") }
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func interruptedBuildRemovesItsTemporaryFolder(signal: Int32) throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ExitStatusTests.executable)
        process.arguments = ["build", "--quiet", "--templates", CommandTests.projectRoot + "/Tests/Fixtures/templates-minimal"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait for the event (the temporary folder exists), not for a time.
        while process.isRunning, temporaryFolders(in: folder).isEmpty { usleep(1000) }
        try #require(process.isRunning, "the build ended before it could be interrupted")
        // Stopped, the build cannot move on; it may only have reached its last step on a loaded machine,
        // where an interruption rightly waits for the step to end.
        kill(process.processIdentifier, SIGSTOP)
        let reachedLastStep = try FileManager.default.contentsOfDirectory(atPath: folder + "/site") != ["index.html"]
        kill(process.processIdentifier, signal)
        kill(process.processIdentifier, SIGCONT)
        process.waitUntilExit()

        #expect(process.terminationReason == .exit)
        #expect(temporaryFolders(in: folder).isEmpty)
        if reachedLastStep {
            #expect(process.terminationStatus == 0)
            return
        }
        #expect(process.terminationStatus == 128 + signal)
        #expect(temporaryFolders(in: folder).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/site") == ["index.html"])
        #expect(try String(contentsOfFile: folder + "/site/index.html", encoding: .utf8) == "previous")
    }
}
