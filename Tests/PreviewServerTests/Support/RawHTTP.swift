import Foundation

/// A parsed HTTP response as the test saw it on the wire.
struct RawResponse: Sendable {
    /// The status code, or 0 when the server closed without answering.
    var status: Int
    /// Header values by lowercased name.
    var headers: [String: String]
    /// The body after de-chunking.
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
        timeout: Duration = .seconds(5)
    ) async throws -> RawResponse {
        try await send("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", port: port, timeout: timeout)
    }

    /// GET shorthand.
    static func get(_ target: String, port: UInt16) async throws -> RawResponse {
        try await request("GET", target, port: port)
    }

    /// Sends arbitrary bytes and parses whatever comes back before the connection closes.
    static func send(_ text: String, port: UInt16, timeout: Duration = .seconds(5)) async throws -> RawResponse {
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

    /// Splits status, headers and body; decodes a chunked body.
    static func parse(_ bytes: [UInt8]) -> RawResponse {
        let separator = Array("\r\n\r\n".utf8)
        guard let split = bytes.firstRange(of: separator) else {
            return RawResponse(status: 0, headers: [:], body: bytes)
        }
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
        var body = Array(bytes[split.upperBound...])
        if headers["transfer-encoding"] == "chunked" {
            body = dechunk(body)
        }
        return RawResponse(status: status, headers: headers, body: body)
    }

    private static func dechunk(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var index = 0
        while let lineEnd = bytes[index...].firstRange(of: Array("\r\n".utf8)) {
            let size = Int(String(decoding: bytes[index..<lineEnd.lowerBound], as: UTF8.self), radix: 16) ?? 0
            guard size > 0, lineEnd.upperBound + size <= bytes.count else { break }
            result += bytes[lineEnd.upperBound..<(lineEnd.upperBound + size)]
            index = lineEnd.upperBound + size + 2
            guard index < bytes.count else { break }
        }
        return result
    }
}
