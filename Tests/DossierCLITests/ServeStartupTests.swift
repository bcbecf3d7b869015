import Foundation
import Testing

/// `dossier serve` refuses at once, with what to do, when it cannot listen.
@Suite(.timeLimit(.minutes(10)))
struct ServeStartupTests {
    /// Runs the executable in an empty folder until it exits; returns its exit status and standard error.
    /// "At once" is shown by the exit itself: a serve that started listening would never end (the
    /// suite's time limit is the hang guard), so no clock decides.
    private func serve(_ arguments: [String]) async throws -> (status: Int32, errors: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-serve-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try await DossierRun.run(["serve"] + arguments, in: folder)
        return (run.status, run.errors)
    }

    @Test func aFirstBuildThatFailsSaysThereIsNothingToServeYetAndKeepsWatching() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-serve-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try DossierRun(["serve", "--port", "0"], in: folder)
        defer { run.process.terminate() }
        var text = ""
        // Waits for the two lines, looking at the output before the clock (the bound is only a hang guard).
        let deadline = ContinuousClock.now + .seconds(300)
        repeat {
            try await Task.sleep(for: .milliseconds(20))
            text = run.output + run.errors
        } while !(text.contains("build failed") && text.contains("serving ")) && ContinuousClock.now < deadline
        #expect(text.contains("content folder 'content' not found"))
        #expect(text.contains("nothing to serve until a build succeeds; fix the errors and save"))
        // It keeps running, so creating the folders brings the site up.
        #expect(run.process.isRunning)
    }

    @Test func aHostThatIsNotAnAddressIsRefusedAtOnce() async throws {
        let result = try await serve(["--host", "example.org"])
        #expect(result.status == 1)
        #expect(result.errors.contains("cannot listen on 'example.org': not an IP address (give a numeric one, such as 127.0.0.1 or ::1)"))
    }

    @Test func aTakenPortIsRefusedAtOnceWithAWayOut() async throws {
        // Hold a port the way another program would.
        #if canImport(Darwin)
        let holder = socket(AF_INET, SOCK_STREAM, 0)
        #else
        let holder = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #endif
        defer { close(holder) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(holder, $0, length) == 0 && getsockname(holder, $0, &length) == 0 }
        }
        try #require(bound && listen(holder, 1) == 0)
        let port = UInt16(bigEndian: address.sin_port)

        let result = try await serve(["--port", String(port)])
        #expect(result.status == 1)
        #expect(result.errors.contains("cannot listen on 127.0.0.1:\(port): bind: Address already in use"))
        #expect(result.errors.contains("pass --port with another number, or --port 0 for any free one"))
    }
}
