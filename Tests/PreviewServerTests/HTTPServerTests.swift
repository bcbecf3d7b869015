#if canImport(Darwin)
import Darwin
#else
import Glibc
#endif
import Foundation
import Testing
@testable import PreviewHTTP

/// The HTTP layer on its own: connections, limits and faults, with a responder that echoes the path.
@Suite(.timeLimit(.minutes(10)))
struct HTTPServerTests {
    /// Answers `/stream` with a stream it records, everything else with the path as text.
    final class EchoResponder: HTTPResponder, @unchecked Sendable {
        // Unchecked: `streams` is guarded by `lock`.
        private let lock = NSLock()
        private var streams: [TestStream] = []

        var openedStreams: [TestStream] { lock.withLock { streams } }

        func respond(to request: HTTPRequestHead) -> HTTPResponse {
            guard request.path != "/stream" else {
                let stream = TestStream()
                lock.withLock { streams.append(stream) }
                return HTTPResponse(status: .ok, headers: [("Content-Type", "text/event-stream")], body: .stream(stream))
            }
            return .plainText(.ok, "\(request.method) \(request.target)")
        }
    }

    /// A stream that sends `tick` every 20 ms until closed.
    final class TestStream: HTTPBodyStream, @unchecked Sendable {
        // Unchecked: `closed` is guarded by `lock`.
        private let lock = NSLock()
        private var closed = false

        var isClosed: Bool { lock.withLock { closed } }

        func nextChunk() -> [UInt8]? {
            Thread.sleep(forTimeInterval: 0.02)
            return isClosed ? nil : Array("tick\n".utf8)
        }

        func close() {
            lock.withLock { closed = true }
        }
    }

    /// Deadlines no test reaches by waiting: a test held off the CPU must not see the server give up on
    /// its client meanwhile. Tests of a deadline set that one short.
    static var patient: HTTPTimeouts {
        var timeouts = HTTPTimeouts()
        timeouts.idle = .seconds(3600)
        timeouts.head = .seconds(3600)
        timeouts.write = .seconds(3600)
        return timeouts
    }

    func withServer<T: Sendable>(
        timeouts: HTTPTimeouts = patient,
        maximumConnections: Int = 256,
        _ body: (HTTPServer, EchoResponder, UInt16) async throws -> T
    ) async throws -> T {
        let responder = EchoResponder()
        let server = HTTPServer(responder: responder, timeouts: timeouts, maximumConnections: maximumConnections)
        guard let address = ListenAddress(host: "127.0.0.1", port: 0) else { throw LoopbackSocketError(description: "address") }
        try server.listen(on: address)
        let port = try #require(server.port)
        let task = Task { await server.serve() }
        defer { task.cancel() }
        return try await body(server, responder, port)
    }

    @Test func aKeptAliveConnectionCarriesSeveralRequestsInOrder() async throws {
        try await withServer { _, _, port in
            let pipelined = "GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\nGET /c?d HTTP/1.1\r\nHost: x\r\n\r\n"
            let (responses, closed) = try await RawHTTP.exchange(pipelined, port: port, responses: 3)
            #expect(!closed)
            #expect(responses.map(\.text) == ["GET /a", "GET /b", "GET /c?d"])
            #expect(responses.first?.header("Connection") == "keep-alive")
            #expect(responses.first?.header("Date")?.hasSuffix(" GMT") == true)
        }
    }

    @Test func headAnswersCarryTheLengthWithoutTheBody() async throws {
        try await withServer { _, _, port in
            let raw = try await RawHTTP.send("HEAD /abc HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", port: port)
            #expect(raw.status == 200)
            #expect(raw.header("Content-Length") == String("HEAD /abc".utf8.count))
            #expect(raw.body.isEmpty)
        }
    }

    @Test func connectionCloseAndHTTP10EndTheConnectionAfterTheAnswer() async throws {
        try await withServer { _, _, port in
            let closing = try await RawHTTP.exchange("GET /x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", port: port, responses: 2)
            #expect(closing.closed)
            #expect(closing.responses.map(\.text) == ["GET /x"])
            #expect(closing.responses.first?.header("Connection") == "close")
            let old = try await RawHTTP.exchange("GET /y HTTP/1.0\r\n\r\n", port: port, responses: 2)
            #expect(old.closed)
            #expect(old.responses.map(\.text) == ["GET /y"])
        }
    }

    @Test func aRequestWithABodyIsAnsweredAndTheConnectionClosed() async throws {
        try await withServer { _, _, port in
            // Were the body read as the next request, a second answer would appear.
            let raw = "POST /p HTTP/1.1\r\nHost: x\r\nContent-Length: 37\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n"
            let (responses, closed) = try await RawHTTP.exchange(raw, port: port, responses: 2)
            #expect(closed)
            #expect(responses.map(\.text) == ["POST /p"])
        }
    }

    @Test func aMegabyteRequestLineIsRefusedAtOnceAndOthersAreServed() async throws {
        try await withServer { _, _, port in
            // "At once": answered by the length check (414), not by a head deadline (that would be 408,
            // and the server's is an hour here).
            let long = try await RawHTTP.send("GET /" + String(repeating: "a", count: 1 << 20) + " HTTP/1.1\r\nHost: x\r\n\r\n", port: port)
            #expect(long.status == 414)
            #expect(long.header("Connection") == "close")
            #expect(try await RawHTTP.get("/after", port: port).text == "GET /after")
        }
    }

    @Test func aMalformedRequestGets400WithTheReason() async throws {
        try await withServer { _, _, port in
            let response = try await RawHTTP.send("GET /\r\n\r\n", port: port)
            #expect(response.status == 400)
            #expect(response.text.hasPrefix("400 Bad Request: the request line is not"))
        }
    }

    @Test func aHeadThatNeverEndsGets408() async throws {
        var timeouts = Self.patient
        timeouts.head = .milliseconds(300)
        try await withServer(timeouts: timeouts) { _, _, port in
            let response = try await RawHTTP.send("GET / HTTP/1.1\r\nHost: x\r\n", port: port)
            #expect(response.status == 408)
        }
    }

    @Test func anIdleConnectionIsClosedQuietly() async throws {
        var timeouts = Self.patient
        timeouts.idle = .milliseconds(300)
        try await withServer(timeouts: timeouts) { server, _, port in
            let response = try await RawHTTP.send("", port: port)
            #expect(response.status == 0)
            #expect(response.body.isEmpty)
            // The client sees the end of the stream before the server has forgotten the connection.
            try await Waiting.until("the idle connection to be forgotten") { server.connectionCount == 0 }
        }
    }

    @Test func connectionsBeyondTheCapGet503WhenNoneWaitsForAHead() async throws {
        try await withServer(maximumConnections: 2) { server, responder, port in
            // Busy on event streams, so neither can be evicted for the newcomer.
            let held = try (0..<2).map { _ in try LoopbackSocket(port: port) }
            for socket in held {
                try socket.send(Array("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n".utf8), deadline: .now + Waiting.hangGuard)
            }
            try await Waiting.until("both streams to open") { responder.openedStreams.count == 2 }
            let refused = try await RawHTTP.get("/", port: port)
            #expect(refused.status == 503)
            held.forEach { $0.closeNow() }
            try await Waiting.until("the held connections to close") { server.connectionCount == 0 }
            #expect(try await RawHTTP.get("/", port: port).status == 200)
        }
    }

    @Test func aClientLeavingAStreamClosesItsStream() async throws {
        try await withServer { server, responder, port in
            let socket = try LoopbackSocket(port: port)
            try socket.send(Array("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n".utf8), deadline: .now + Waiting.hangGuard)
            let first = try await runBlocking { () -> [UInt8] in
                var chunk = try socket.receive()
                while chunk == nil { chunk = try socket.receive() }
                return chunk ?? []
            }
            #expect(String(decoding: first, as: UTF8.self).contains("text/event-stream"))
            socket.closeNow()
            try await Waiting.until("the stream to close") { responder.openedStreams.first?.isClosed == true }
            try await Waiting.until("the connection to close") { server.connectionCount == 0 }
        }
    }

    @Test func stoppingClosesThePortAndOpenConnections() async throws {
        let server = HTTPServer(responder: EchoResponder(), timeouts: Self.patient)
        guard let address = ListenAddress(host: "127.0.0.1", port: 0) else { throw LoopbackSocketError(description: "address") }
        try server.listen(on: address)
        let port = try #require(server.port)
        let task = Task { await server.serve() }
        let idle = try LoopbackSocket(port: port)
        try await Waiting.until("the connection to be accepted") { server.connectionCount == 1 }
        task.cancel()
        await task.value
        #expect(server.port == nil)
        // The kept connection sees the end of the stream, and nobody listens any more.
        let end = try await runBlocking { () -> [UInt8] in
            var chunk = try idle.receive()
            while chunk == nil { chunk = try idle.receive() }
            return chunk ?? []
        }
        #expect(end == [])
        #expect(throws: LoopbackSocketError.self) { try LoopbackSocket(port: port) }
    }

    @Test func listeningOnAPortInUseNamesTheReason() throws {
        let first = HTTPServer(responder: EchoResponder())
        let second = HTTPServer(responder: EchoResponder())
        guard let any = ListenAddress(host: "127.0.0.1", port: 0) else { throw LoopbackSocketError(description: "address") }
        try first.listen(on: any)
        let port = try #require(first.port)
        guard let taken = ListenAddress(host: "127.0.0.1", port: port) else { throw LoopbackSocketError(description: "address") }
        #expect(throws: SocketError.self) { try second.listen(on: taken) }
        do {
            try second.listen(on: taken)
        } catch {
            #expect(error.description == "bind: Address already in use")
        }
    }

    @Test func socketsAreNotInheritedByChildProcesses() throws {
        guard let address = ListenAddress(host: "127.0.0.1", port: 0) else { throw LoopbackSocketError(description: "address") }
        let listener = try ListeningSocket(address: address)
        #expect(fcntl(listener.descriptor, F_GETFD) & FD_CLOEXEC != 0)
        let client = try LoopbackSocket(port: listener.port)
        defer { client.closeNow() }
        var accepted: ConnectedSocket?
        for _ in 0..<20 where accepted == nil {
            accepted = listener.accept(waitingAtMost: 100)
        }
        let connection = try #require(accepted)
        #expect(fcntl(connection.descriptor, F_GETFD) & FD_CLOEXEC != 0)
    }

    @Test(arguments: ["127.0.0.1", "localhost", "::1", "0.0.0.0"])
    func numericHostsAreAddresses(host: String) {
        #expect(ListenAddress(host: host, port: 8000) != nil)
    }

    @Test(arguments: ["example.org", "", "256.1.1.1", "::g", "not a host"])
    func otherHostsAreNot(host: String) {
        #expect(ListenAddress(host: host, port: 8000) == nil)
    }

    @Test func datesAreIMFFixdate() {
        #expect(HTTPResponse.httpDate(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPResponse.httpDate(0) == "Thu, 01 Jan 1970 00:00:00 GMT")
    }
}
