import Foundation
import Testing
@testable import PreviewHTTP

/// Slowloris: clients that hold every connection while sending a head slowly must not starve others.
@Suite(.timeLimit(.minutes(1)))
struct SlowClientTests {
    @Test func aFullTableOfSlowHeadsStillLetsANormalRequestThrough() async throws {
        try await HTTPServerTests().withServer { server, _, port in
            // More slow clients than the table holds, each having sent one byte of a head.
            let slow = try (0..<300).map { _ in try LoopbackSocket(port: port) }
            for socket in slow {
                try socket.send(Array("G".utf8), deadline: .now + .seconds(5))
            }
            let deadline = ContinuousClock.now + .seconds(10)
            while server.connectionCount < 256, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(server.connectionCount >= 256)
            // The default head deadline is 30 s; the answer must come long before it (60 s hang guard).
            let answer = try await RawHTTP.get("/page", port: port)
            #expect(answer.status == 200)
            #expect(String(decoding: answer.body, as: UTF8.self) == "GET /page")
            slow.forEach { $0.closeNow() }
        }
    }

    @Test func aClientTricklingItsHeadIsEvictedBeforeOneOnAStream() async throws {
        try await HTTPServerTests().withServer(maximumConnections: 2) { server, responder, port in
            let stream = try LoopbackSocket(port: port)
            try stream.send(Array("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n".utf8), deadline: .now + .seconds(2))
            let slow = try LoopbackSocket(port: port)
            try slow.send(Array("GET / HTTP/1.1\r\n".utf8), deadline: .now + .seconds(2))
            let deadline = ContinuousClock.now + .seconds(5)
            while responder.openedStreams.count < 1 || server.connectionCount < 2, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(try await RawHTTP.get("/", port: port).status == 200)
            #expect(responder.openedStreams.first?.isClosed == false)
            // The evicted client had started a head, so it is told why: 408.
            let evicted = try await runBlocking { () -> [UInt8] in
                var received: [UInt8] = []
                let until = ContinuousClock.now + .seconds(10)
                while ContinuousClock.now < until {
                    guard let chunk = try slow.receive() else { continue }
                    if chunk.isEmpty { break }
                    received += chunk
                }
                return received
            }
            #expect(RawHTTP.parse(evicted).status == 408)
        }
    }
}
