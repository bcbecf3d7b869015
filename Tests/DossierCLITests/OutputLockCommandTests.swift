import Foundation
import Testing

/// Two builds into one output folder: the second is refused at once with the first one's process id,
/// and a lock left by a killed build is taken over by the next.
@Suite(.serialized) struct OutputLockCommandTests {
    private let templates = CommandTests.projectRoot + "/Tests/Fixtures/templates-minimal"

    @Test func aSecondBuildIntoTheSameOutputIsRefusedNamingTheFirst() async throws {
        let folder = try InterruptTests.largeProject()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = try DossierRun(["build", "--quiet", "--templates", templates], in: folder)
        // Stopped, the first build holds the lock for as long as the second needs (no race with its end).
        try await InterruptTests.send(SIGSTOP, to: first, whenWritingIn: folder)
        let second = try await DossierRun.run(["build", "--quiet", "--templates", templates], in: folder)
        kill(first.process.processIdentifier, SIGCONT)
        await first.exit()

        #expect(second.status == 1)
        #expect(second.errorLines == [
            "dossier: error: output folder 'site' is being written by another dossier process (process id \(first.process.processIdentifier)); "
                + "wait until it has finished, or build into another --output",
        ])
        #expect(first.status == 0, "\(first.errors)")
        #expect(InterruptTests.files(in: folder + "/site").contains("commentary/n1999/index.html"))
        #expect(InterruptTests.leftovers(in: folder).isEmpty)
    }

    @Test func theLockOfAKilledBuildIsTakenOver() async throws {
        let folder = try InterruptTests.largeProject()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let killed = try DossierRun(["build", "--quiet", "--templates", templates], in: folder)
        try await InterruptTests.send(SIGKILL, to: killed, whenWritingIn: folder)
        await killed.exit()
        #expect(!killed.exited)
        // SIGKILL leaves everything behind: the lock file with the dead build's id, its temporary folder.
        let left = InterruptTests.leftovers(in: folder)
        #expect(left.contains(".site.lock"))
        #expect(left.contains { $0.hasPrefix(".site.tmp-\(killed.process.processIdentifier)-") })
        #expect(try String(contentsOfFile: folder + "/site/index.html", encoding: .utf8) == "previous")

        let next = try await DossierRun.run(["build", "--quiet", "--templates", templates], in: folder)
        #expect(next.status == 0, "\(next.errors)")
        #expect(InterruptTests.leftovers(in: folder).isEmpty)
        #expect(InterruptTests.files(in: folder + "/site").contains("commentary/n1999/index.html"))
    }
}
