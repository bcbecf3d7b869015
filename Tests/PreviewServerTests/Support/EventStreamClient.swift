import Foundation

/// A browser stand-in for `/_dossier/events`: keeps the stream open and waits for events.
final class EventStreamClient: @unchecked Sendable {
    // Unchecked: a test drives its client from one task, one call at a time.
    private let socket: LoopbackSocket
    private var unread = ""

    /// Opens the stream and waits for the server's greeting, so later events are not missed.
    static func connect(port: UInt16, timeout: Duration = Waiting.hangGuard) async throws -> EventStreamClient {
        let client = try EventStreamClient(socket: LoopbackSocket(port: port))
        let request = "GET /_dossier/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
        let deadline = ContinuousClock.now + timeout
        try await runBlocking { try client.socket.send(Array(request.utf8), deadline: deadline) }
        _ = try await client.next(containing: ": connected", timeout: timeout)
        return client
    }

    private init(socket: LoopbackSocket) {
        self.socket = socket
    }

    /// Everything received up to and including the first text containing `marker`, consumed.
    func next(containing marker: String, timeout: Duration = Waiting.hangGuard) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let range = unread.range(of: marker) {
                let lineEnd = unread[range.upperBound...].firstIndex(of: "\n") ?? unread.endIndex
                let taken = String(unread[..<lineEnd])
                unread = String(unread[lineEnd...])
                return taken
            }
            // What has arrived is read before the clock is looked at: a test held off the CPU for long
            // still finds the event that came meanwhile.
            if let chunk = try await runBlocking({ [socket] in try socket.receive() }) {
                if chunk.isEmpty { throw LoopbackSocketError(description: "stream closed; got: \(unread)") }
                unread += String(decoding: chunk, as: UTF8.self)
                continue
            }
            guard ContinuousClock.now < deadline else {
                throw LoopbackSocketError(description: "no '\(marker)' within \(timeout); got: \(unread)")
            }
        }
    }

    /// Whatever arrived within `duration`, consumed (to show that nothing did).
    func drain(for duration: Duration) async throws -> String {
        let deadline = ContinuousClock.now + duration
        while ContinuousClock.now < deadline {
            if let chunk = try await runBlocking({ [socket] in try socket.receive() }), !chunk.isEmpty {
                unread += String(decoding: chunk, as: UTF8.self)
            }
        }
        defer { unread = "" }
        return unread
    }

    /// Hangs up like a closed browser tab.
    func close() {
        socket.closeNow()
    }
}
