/// Finds where a request head ends in the bytes received so far, in one pass over new bytes only.
///
/// Limits are checked as bytes arrive, so a 1 MB request line is refused after its first 8 KB, not
/// after it has all been read.
struct RequestHeadFramer: Sendable {
    /// Longest request line; a longer one is answered 414 (or 400 if it does not look like one).
    static let maximumRequestLine = 8 * 1024
    /// Longest head in all; a longer one is answered 431.
    static let maximumHead = 32 * 1024

    /// Received bytes not yet handed out as a head (a pipelined next request stays here).
    private(set) var buffer: [UInt8] = []
    /// Where the next scan starts.
    private var scanned = 0
    /// Where the current line starts.
    private var lineStart = 0
    /// Whether the request line has ended.
    private var hasRequestLine = false

    /// What the bytes so far amount to.
    enum Outcome: Equatable {
        /// More bytes are needed.
        case incomplete
        /// A whole head, without the empty line that ended it.
        case head(ArraySlice<UInt8>)
        /// The head broke a limit; answer and close.
        case refused(HTTPRequestError)
    }

    /// Whether any byte of a request has arrived (an idle keep-alive connection has none).
    var hasPartialRequest: Bool { !buffer.isEmpty }

    /// Adds received bytes.
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: bytes)
    }

    /// Scans the new bytes; hands out a head at most once per call and keeps what follows it.
    mutating func next() -> Outcome {
        while scanned < buffer.count {
            let byte = buffer[scanned]
            scanned += 1
            guard byte == UInt8(ascii: "\n") else { continue }
            let line = buffer[lineStart..<scanned - 1]
            let isEmpty = line.isEmpty || line == [UInt8(ascii: "\r")]
            lineStart = scanned
            if scanned > Self.maximumHead { return tooLarge() }
            if !hasRequestLine {
                // Empty lines before a request line are skipped (RFC 9112 §2.2).
                guard !isEmpty else { continue }
                guard line.count <= Self.maximumRequestLine else { return .refused(requestLineTooLong) }
                hasRequestLine = true
            } else if isEmpty {
                // The head ends before the line break that precedes the empty line.
                return takeHead(endingAt: line.startIndex - 1)
            }
        }
        if !hasRequestLine, buffer.count - lineStart > Self.maximumRequestLine {
            return .refused(looksLikeRequestLine ? requestLineTooLong : .badRequest("no request line in the first 8 KB"))
        }
        if buffer.count > Self.maximumHead { return tooLarge() }
        return .incomplete
    }

    private var requestLineTooLong: HTTPRequestError {
        HTTPRequestError(status: .uriTooLong, message: "the request line is longer than \(Self.maximumRequestLine) bytes")
    }

    /// A method token and a space, then a `/` or a scheme: a request line that is simply too long.
    private var looksLikeRequestLine: Bool {
        let start = buffer[lineStart...]
        guard let space = start.prefix(32).firstIndex(of: UInt8(ascii: " ")), space > lineStart else { return false }
        return start[lineStart..<space].allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
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
