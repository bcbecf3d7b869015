import Foundation
import Testing
@testable import PreviewHTTP

/// Slowloris: clients that hold every connection while sending a head slowly must not starve others.
@Suite(.timeLimit(.minutes(10)))
struct SlowClientTests {
    @Test func aFullTableOfSlowHeadsStillLetsANormalRequestThrough() async throws {
        try await HTTPServerTests().withServer { server, _, port in
            // More slow clients than the table holds, each having sent one byte of a head.
            let slow = try (0..<300).map { _ in try LoopbackSocket(port: port) }
            for socket in slow {
                try socket.send(Array("G".utf8), deadline: .now + Waiting.hangGuard)
            }
            try await Waiting.until("the table to fill") { server.connectionCount >= 256 }
            // The head deadline is an hour here, so only the eviction of a slow client can let it in.
            let answer = try await RawHTTP.get("/page", port: port)
            #expect(answer.status == 200)
            #expect(String(decoding: answer.body, as: UTF8.self) == "GET /page")
            slow.forEach { $0.closeNow() }
        }
    }

    @Test func aClientTricklingItsHeadIsEvictedBeforeOneOnAStream() async throws {
        try await HTTPServerTests().withServer(maximumConnections: 2) { server, responder, port in
            let stream = try LoopbackSocket(port: port)
            try stream.send(Array("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n".utf8), deadline: .now + Waiting.hangGuard)
            let slow = try LoopbackSocket(port: port)
            try slow.send(Array("GET / HTTP/1.1\r\n".utf8), deadline: .now + Waiting.hangGuard)
            try await Waiting.until("the stream and the slow head to be held") {
                responder.openedStreams.count == 1 && server.connectionCount == 2
            }
            #expect(try await RawHTTP.get("/", port: port).status == 200)
            #expect(responder.openedStreams.first?.isClosed == false)
            // The evicted client had started a head, so it is told why: 408.
            let evicted = try await runBlocking { () -> [UInt8] in
                var received: [UInt8] = []
                let until = ContinuousClock.now + Waiting.hangGuard
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
