import Foundation
import Testing

/// `dossier serve` refuses at once, with what to do, when it cannot listen.
@Suite(.timeLimit(.minutes(1)))
struct ServeStartupTests {
    /// Runs the executable in an empty folder; returns its exit status, standard error and seconds taken.
    private func serve(_ arguments: [String]) throws -> (status: Int32, errors: String, seconds: Double) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-serve-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ExitStatusTests.executable)
        process.arguments = ["serve"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let start = Date()
        try process.run()
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), Date().timeIntervalSince(start))
    }

    @Test func aFirstBuildThatFailsSaysThereIsNothingToServeYetAndKeepsWatching() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-serve-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ExitStatusTests.executable)
        process.arguments = ["serve", "--port", "0"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        defer { process.terminate() }
        var text = ""
        let deadline = Date().addingTimeInterval(10)
        while !(text.contains("build failed") && text.contains("serving ")), Date() < deadline {
            text += String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        }
        #expect(text.contains("content folder 'content' not found"))
        #expect(text.contains("nothing to serve until a build succeeds; fix the errors and save"))
        // It keeps running, so creating the folders brings the site up.
        #expect(process.isRunning)
    }

    @Test func aHostThatIsNotAnAddressIsRefusedAtOnce() throws {
        let result = try serve(["--host", "example.org"])
        #expect(result.status == 1)
        #expect(result.errors.contains("cannot listen on 'example.org': not an IP address (give a numeric one, such as 127.0.0.1 or ::1)"))
        #expect(result.seconds < 3)
    }

    @Test func aTakenPortIsRefusedAtOnceWithAWayOut() throws {
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

        let result = try serve(["--port", String(port)])
        #expect(result.status == 1)
        #expect(result.errors.contains("cannot listen on 127.0.0.1:\(port): bind: Address already in use"))
        #expect(result.errors.contains("pass --port with another number, or --port 0 for any free one"))
        #expect(result.seconds < 3)
    }
}
