import Foundation

/// A parsed HTTP response as the test saw it on the wire.
struct RawResponse: Sendable {
    /// The status code, or 0 when the server closed without answering.
    var status: Int
    /// Header values by lowercased name.
    var headers: [String: String]
    /// The body.
    var body: [UInt8]

    /// The body as UTF-8 text.
    var text: String { String(decoding: body, as: UTF8.self) }

    /// A header by case-insensitive name.
    func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// Sends raw HTTP/1.1 requests to a loopback port and reads whole responses, all bounded in time.
enum RawHTTP {
    /// Sends a request line verbatim (with `Connection: close`) and reads until the server closes.
    static func request(
        _ method: String,
        _ target: String,
        port: UInt16,
        timeout: Duration = Waiting.hangGuard
    ) async throws -> RawResponse {
        try await send("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", port: port, timeout: timeout)
    }

    /// GET shorthand.
    static func get(_ target: String, port: UInt16) async throws -> RawResponse {
        try await request("GET", target, port: port)
    }

    /// Sends arbitrary bytes and parses whatever comes back before the connection closes.
    static func send(_ text: String, port: UInt16, timeout: Duration = Waiting.hangGuard) async throws -> RawResponse {
        let bytes = try await runBlocking {
            let socket = try LoopbackSocket(port: port)
            let deadline = ContinuousClock.now + timeout
            try socket.send(Array(text.utf8), deadline: deadline)
            var received: [UInt8] = []
            while ContinuousClock.now < deadline {
                guard let chunk = try socket.receive() else { continue }
                if chunk.isEmpty { return received }
                received += chunk
            }
            throw LoopbackSocketError(description: "no complete response within \(timeout)")
        }
        return parse(bytes)
    }

    /// Splits status, headers and body (the body is whatever follows the head).
    static func parse(_ bytes: [UInt8]) -> RawResponse {
        guard let (response, _) = parseHead(bytes[...]) else {
            return RawResponse(status: 0, headers: [:], body: bytes)
        }
        return response
    }

    /// Sends bytes on one connection and reads until `count` responses with a length have arrived
    /// (or the server closes); returns them and whether the server closed the connection.
    static func exchange(
        _ text: String,
        port: UInt16,
        responses count: Int,
        timeout: Duration = Waiting.hangGuard
    ) async throws -> (responses: [RawResponse], closed: Bool) {
        try await runBlocking {
            let socket = try LoopbackSocket(port: port)
            let deadline = ContinuousClock.now + timeout
            try socket.send(Array(text.utf8), deadline: deadline)
            var received: [UInt8] = []
            while ContinuousClock.now < deadline {
                let (responses, rest) = framed(received)
                if responses.count >= count, rest.isEmpty { return (responses, false) }
                guard let chunk = try socket.receive() else { continue }
                if chunk.isEmpty { return (framed(received).responses, true) }
                received += chunk
            }
            throw LoopbackSocketError(description: "fewer than \(count) responses within \(timeout)")
        }
    }

    /// Cuts a byte stream into whole responses by their `Content-Length`; the rest is incomplete.
    static func framed(_ bytes: [UInt8]) -> (responses: [RawResponse], rest: ArraySlice<UInt8>) {
        var responses: [RawResponse] = []
        var rest = bytes[...]
        while let (head, bodyStart) = parseHead(rest),
              let length = head.header("Content-Length").flatMap(Int.init),
              rest.endIndex - bodyStart >= length {
            var response = head
            response.body = Array(rest[bodyStart..<(bodyStart + length)])
            responses.append(response)
            rest = rest[(bodyStart + length)...]
        }
        return (responses, rest)
    }

    /// The status and headers of the response at the start of `bytes`, with the body's start index.
    private static func parseHead(_ bytes: ArraySlice<UInt8>) -> (RawResponse, Int)? {
        guard let split = bytes.firstRange(of: Array("\r\n\r\n".utf8)) else { return nil }
        let head = String(decoding: bytes[..<split.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        let status = statusLine.count > 1 ? Int(statusLine[1]) ?? 0 : 0
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (RawResponse(status: status, headers: headers, body: Array(bytes[split.upperBound...])), split.upperBound)
    }
}
