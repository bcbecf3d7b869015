#if canImport(Darwin)
import Darwin
#else
import Glibc
#endif

/// A body whose bytes come over time (an event stream); the connection writes chunks until `nil`.
package protocol HTTPBodyStream: AnyObject, Sendable {
    /// The next chunk, waiting for it; nil when the stream has ended.
    func nextChunk() -> [UInt8]?
    /// Ends the stream from the connection's side (the client left, or the response was a HEAD).
    func close()
}

/// Answers requests; called on the connection's own thread, so it may block briefly (file reads).
package protocol HTTPResponder: Sendable {
    func respond(to request: HTTPRequestHead) -> HTTPResponse
}

/// A response: status, header fields and a body that is either whole or streamed.
package struct HTTPResponse: Sendable {
    package enum Body: Sendable {
        /// Sent with a `Content-Length`; HEAD sends the length without the bytes.
        case bytes([UInt8])
        /// Sent until the stream ends, then the connection closes (the end of the body is the close).
        case stream(any HTTPBodyStream)
    }

    package var status: HTTPStatus
    /// Header fields in order (names as sent); `Content-Length`, `Connection` and `Date` are added on writing.
    package var headers: [(name: String, value: String)]
    package var body: Body

    package init(status: HTTPStatus, headers: [(name: String, value: String)] = [], body: Body) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A short plain-text answer, used for errors and redirects.
    package static func plainText(_ status: HTTPStatus, _ text: String) -> HTTPResponse {
        HTTPResponse(
            status: status,
            headers: [("Content-Type", "text/plain; charset=utf-8")],
            body: .bytes(Array(text.utf8))
        )
    }

    /// The answer to a request the parser refused.
    package static func refusal(_ error: HTTPRequestError) -> HTTPResponse {
        plainText(error.status, "\(error.status.code) \(error.status.reason): \(error.message)\n")
    }

    /// The status line and header section, ending with the empty line.
    package func head(closing: Bool, now: time_t = time(nil)) -> [UInt8] {
        var text = "HTTP/1.1 \(status.code) \(status.reason)\r\n"
        text += "Date: \(Self.httpDate(now))\r\n"
        for (name, value) in headers {
            text += "\(name): \(value)\r\n"
        }
        if case .bytes(let bytes) = body {
            text += "Content-Length: \(bytes.count)\r\n"
        }
        text += closing ? "Connection: close\r\n" : "Connection: keep-alive\r\n"
        text += "\r\n"
        return Array(text.utf8)
    }

    /// The head followed, for a whole body, by its bytes (a streamed body is written by the connection).
    package func message(closing: Bool, includingBody: Bool) -> [UInt8] {
        guard includingBody, case .bytes(let bytes) = body else { return head(closing: closing) }
        return head(closing: closing) + bytes
    }

    /// IMF-fixdate (RFC 9110 §5.6.7), e.g. `Sun, 06 Nov 1994 08:49:37 GMT`, independent of the locale.
    package static func httpDate(_ seconds: time_t) -> String {
        var moment = seconds
        var parts = tm()
        gmtime_r(&moment, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func twoDigits(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(days[Int(parts.tm_wday)]), \(twoDigits(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(twoDigits(parts.tm_hour)):\(twoDigits(parts.tm_min)):\(twoDigits(parts.tm_sec)) GMT"
    }
}
