/// Finds where a request head ends in the bytes received so far, in one pass over new bytes only.
///
/// Limits are checked as bytes arrive, so a 1 MB request line is refused after its first 8 KB, not
/// after it has all been read.
package struct RequestHeadFramer: Sendable {
    /// Longest request line; a longer one is answered 414 (or 400 if it does not look like one).
    package static let maximumRequestLine = 8 * 1024
    /// Longest head in all; a longer one is answered 431.
    package static let maximumHead = 32 * 1024

    /// Received bytes not yet handed out as a head (a pipelined next request stays here).
    package private(set) var buffer: [UInt8] = []
    /// Where the next scan starts.
    private var scanned = 0
    /// Where the current line starts.
    private var lineStart = 0
    /// Whether the request line has ended.
    private var hasRequestLine = false

    /// What the bytes so far amount to.
    package enum Outcome: Equatable {
        /// More bytes are needed.
        case incomplete
        /// A whole head, without the empty line that ended it.
        case head(ArraySlice<UInt8>)
        /// The head broke a limit; answer and close.
        case refused(HTTPRequestError)
    }

    /// An empty framer, for a new connection.
    package init() {}

    /// Whether any byte of a request has arrived (an idle keep-alive connection has none).
    package var hasPartialRequest: Bool { !buffer.isEmpty }

    /// Adds received bytes.
    package mutating func append(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: bytes)
    }

    /// Scans the new bytes; hands out a head at most once per call and keeps what follows it.
    ///
    /// Each limit is checked at the byte that crosses it, so the outcome depends on the bytes alone,
    /// never on how they were split into reads.
    package mutating func next() -> Outcome {
        while scanned < buffer.count {
            let byte = buffer[scanned]
            scanned += 1
            if scanned > Self.maximumHead { return tooLarge() }
            guard byte == UInt8(ascii: "\n") else {
                if !hasRequestLine, scanned - lineStart > Self.maximumRequestLine {
                    return .refused(overlongLine(from: lineStart))
                }
                continue
            }
            let line = buffer[lineStart..<scanned - 1]
            let isEmpty = line.isEmpty || line == [UInt8(ascii: "\r")]
            lineStart = scanned
            if !hasRequestLine {
                // Empty lines before a request line are skipped (RFC 9112 §2.2).
                hasRequestLine = !isEmpty
            } else if isEmpty {
                // The head ends before the line break that precedes the empty line.
                return takeHead(endingAt: line.startIndex - 1)
            }
        }
        return .incomplete
    }

    /// 414 for what starts like a request line (an upper-case method and a space), else 400; decided
    /// from the line's start alone, so the answer does not depend on how the bytes were split into reads.
    private func overlongLine(from start: Int) -> HTTPRequestError {
        let opening = buffer[start...].prefix(32)
        guard let space = opening.firstIndex(of: UInt8(ascii: " ")), space > start,
              opening[..<space].allSatisfy({ (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) })
        else { return .badRequest("no request line in the first \(Self.maximumRequestLine) bytes") }
        return HTTPRequestError(status: .uriTooLong, message: "the request line is longer than \(Self.maximumRequestLine) bytes")
    }

    private func tooLarge() -> Outcome {
        .refused(HTTPRequestError(status: .headersTooLarge, message: "the request head is longer than \(Self.maximumHead) bytes"))
    }

    private mutating func takeHead(endingAt end: Int) -> Outcome {
        let result = Array(buffer[..<end])[...]
        buffer.removeSubrange(..<scanned)
        scanned = 0
        lineStart = 0
        hasRequestLine = false
        return .head(result)
    }
}
