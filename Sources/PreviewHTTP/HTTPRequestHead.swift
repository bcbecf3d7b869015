/// Why a request was refused before it reached the handler; the status says how to answer.
package struct HTTPRequestError: Error, Hashable, Sendable {
    package var status: HTTPStatus
    /// One line for the plain-text body, so a person with `curl` sees what was wrong.
    package var message: String

    static func badRequest(_ message: String) -> HTTPRequestError {
        HTTPRequestError(status: .badRequest, message: message)
    }
}

/// A parsed request line and header section (the preview never reads request bodies).
package struct HTTPRequestHead: Sendable {
    /// The method, case-sensitive as sent (`GET`, `HEAD`…).
    package var method: String
    /// The target in origin form (`/path?query`); an absolute-form target is reduced to its path.
    package var target: String
    /// The minor version of HTTP/1.x.
    package var minorVersion: Int
    /// Header fields in order, names lowercased.
    package var headers: [(name: String, value: String)]

    /// Most header fields a request may carry (431 beyond).
    package static let maximumHeaderCount = 100

    /// The target's path, before any `?`.
    package var path: Substring { target.prefix { $0 != "?" } }

    /// The target's query, after the first `?` (empty when there is none).
    package var query: Substring {
        guard let mark = target.firstIndex(of: "?") else { return "" }
        return target[target.index(after: mark)...]
    }

    /// The first value of a header, by lowercased name.
    package func header(_ name: String) -> String? {
        headers.first { $0.name == name }?.value
    }

    /// Whether the client asked for the connection to end after this response.
    package var wantsClose: Bool {
        let tokens = headers.filter { $0.name == "connection" }
            .flatMap { $0.value.lowercased().split(separator: ",").map { $0.trimmed } }
        if tokens.contains("close") { return true }
        return minorVersion == 0 && !tokens.contains("keep-alive")
    }

    /// Whether a body follows the head; the preview does not read it, so the connection must end.
    package var declaresBody: Bool {
        header("transfer-encoding") != nil || (header("content-length").flatMap { Int($0) } ?? 0) > 0
    }

    /// Parses a head: the bytes up to, not including, the empty line that ends it (CRLF or bare LF).
    package init(parsing bytes: ArraySlice<UInt8>) throws(HTTPRequestError) {
        var lines = bytes.split(separator: ascii("\n"), omittingEmptySubsequences: false).map { line in
            line.last == ascii("\r") ? line.dropLast() : line
        }
        // A stray empty line before the request line is allowed (RFC 9112 §2.2).
        while lines.first?.isEmpty == true { lines.removeFirst() }
        guard let requestLine = lines.first else { throw .badRequest("empty request") }
        (method, target, minorVersion) = try Self.parseRequestLine(requestLine)
        let fieldLines = lines.dropFirst()
        guard fieldLines.count <= Self.maximumHeaderCount else {
            throw HTTPRequestError(status: .headersTooLarge, message: "more than \(Self.maximumHeaderCount) header fields")
        }
        headers = try fieldLines.map(Self.parseField)
        try checkFraming()
    }

    private static func parseRequestLine(
        _ line: ArraySlice<UInt8>
    ) throws(HTTPRequestError) -> (method: String, target: String, minorVersion: Int) {
        let parts = line.split(separator: ascii(" "), omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .badRequest("the request line is not 'METHOD target HTTP/1.1'") }
        let method = parts[0], target = parts[1], version = parts[2]
        guard !method.isEmpty, method.allSatisfy(isTokenByte) else { throw .badRequest("the method is not a token") }
        guard !target.isEmpty, target.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw .badRequest("the target has spaces, control or non-ASCII characters")
        }
        guard version.count == 8, version.starts(with: Array("HTTP/".utf8)),
              let major = digit(version[version.startIndex + 5]), version[version.startIndex + 6] == ascii("."),
              let minor = digit(version[version.startIndex + 7])
        else { throw .badRequest("the version is not HTTP/1.x") }
        guard major == 1 else {
            throw HTTPRequestError(status: .versionNotSupported, message: "only HTTP/1.0 and HTTP/1.1 are supported")
        }
        return (String(decoding: method, as: UTF8.self), try originForm(target), minor)
    }

    /// `/path` stays; `http://host/path` becomes `/path`; anything else is left for the handler to refuse.
    private static func originForm(_ target: ArraySlice<UInt8>) throws(HTTPRequestError) -> String {
        let text = String(decoding: target, as: UTF8.self)
        for scheme in ["http://", "https://"] where text.lowercased().hasPrefix(scheme) {
            let afterScheme = text.dropFirst(scheme.count)
            let authority = afterScheme.prefix { $0 != "/" && $0 != "?" }
            guard !authority.isEmpty else { throw .badRequest("the absolute target has no host") }
            let rest = afterScheme.dropFirst(authority.count)
            return rest.hasPrefix("/") ? String(rest) : "/" + rest
        }
        return text
    }

    private static func parseField(_ line: ArraySlice<UInt8>) throws(HTTPRequestError) -> (name: String, value: String) {
        guard let colon = line.firstIndex(of: ascii(":")) else { throw .badRequest("a header line has no ':'") }
        let name = line[..<colon]
        // Also refuses obsolete line folding and a space before the colon, both request-smuggling tools.
        guard !name.isEmpty, name.allSatisfy(isTokenByte) else { throw .badRequest("a header name is not a token") }
        let value = line[(colon + 1)...].trimmingPrefixAndSuffix { $0 == ascii(" ") || $0 == ascii("\t") }
        guard value.allSatisfy({ $0 == ascii("\t") || ($0 >= 0x20 && $0 != 0x7F) }) else {
            throw .badRequest("a header value has control characters")
        }
        return (String(decoding: name, as: UTF8.self).lowercased(), String(decoding: value, as: UTF8.self))
    }

    /// The rules that keep one request from being read as two (RFC 9112 §6.3).
    private func checkFraming() throws(HTTPRequestError) {
        let hosts = headers.filter { $0.name == "host" }
        if minorVersion >= 1, hosts.count != 1 { throw .badRequest("an HTTP/1.1 request needs exactly one Host header") }
        let lengths = headers.filter { $0.name == "content-length" }.map(\.value)
        for length in lengths {
            guard !length.isEmpty, length.utf8.count <= 18, length.utf8.allSatisfy({ digit($0) != nil }) else {
                throw .badRequest("Content-Length is not a non-negative number")
            }
        }
        guard Set(lengths).count <= 1 else { throw .badRequest("conflicting Content-Length headers") }
        if header("transfer-encoding") != nil {
            guard lengths.isEmpty else { throw .badRequest("both Transfer-Encoding and Content-Length") }
            guard minorVersion >= 1 else { throw .badRequest("Transfer-Encoding in an HTTP/1.0 request") }
        }
    }
}

private func ascii(_ character: Unicode.Scalar) -> UInt8 { UInt8(ascii: character) }

private func digit(_ byte: UInt8) -> Int? {
    (ascii("0")...ascii("9")).contains(byte) ? Int(byte - ascii("0")) : nil
}

/// RFC 9110 `tchar`: letters, digits and ``!#$%&'*+-.^_`|~``.
private func isTokenByte(_ byte: UInt8) -> Bool {
    switch byte {
    case ascii("a")...ascii("z"), ascii("A")...ascii("Z"), ascii("0")...ascii("9"): true
    default: Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
    }
}

private extension ArraySlice<UInt8> {
    func trimmingPrefixAndSuffix(while isTrimmed: (UInt8) -> Bool) -> ArraySlice<UInt8> {
        let start = firstIndex { !isTrimmed($0) } ?? endIndex
        let end = lastIndex { !isTrimmed($0) }.map { $0 + 1 } ?? start
        return self[start..<Swift.max(start, end)]
    }
}

private extension Substring {
    var trimmed: Substring {
        let start = firstIndex { $0 != " " && $0 != "\t" } ?? endIndex
        let end = lastIndex { $0 != " " && $0 != "\t" }.map { index(after: $0) } ?? start
        return self[start..<Swift.max(start, end)]
    }
}
