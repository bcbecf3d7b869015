/// How long a connection may take at each step before the server gives up on it.
package struct HTTPTimeouts: Sendable {
    /// Quiet time allowed between requests on a kept-alive connection.
    package var idle: Duration = .seconds(15)
    /// Time allowed from a request's first byte to the end of its head (a slow client, then 408).
    package var head: Duration = .seconds(30)
    /// Time allowed to write one response or event chunk to a client that does not read.
    package var write: Duration = .seconds(10)
    /// Time spent discarding what a refused client still sends, so it reads our answer before the close.
    package var linger: Duration = .seconds(2)

    /// The defaults above.
    package init() {}
}

/// One client connection on its own thread: reads heads, asks the responder, writes answers.
struct HTTPConnection {
    let socket: ConnectedSocket
    let slot: ConnectionSlot
    let responder: any HTTPResponder
    let timeouts: HTTPTimeouts
    /// True once the server is stopping; checked at every tick.
    let isStopping: @Sendable () -> Bool

    /// Serves requests until the client leaves, asks to close, breaks a rule, or the server stops.
    func run() {
        var framer = RequestHeadFramer()
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while !isStopping() {
            switch readHead(into: &framer, using: &chunk) {
            case .closed:
                return
            case .timedOut:
                send(.plainText(.requestTimeout, "408 Request Timeout: the request head did not arrive in time\n"))
                return lingeringClose()
            case .refused(let error):
                send(.refusal(error))
                return lingeringClose()
            case .head(let bytes):
                let request: HTTPRequestHead
                do {
                    request = try HTTPRequestHead(parsing: bytes)
                } catch {
                    send(.refusal(error))
                    return lingeringClose()
                }
                let response = responder.respond(to: request)
                // An unread body would be taken for the next request, so such a connection ends here.
                let keepOpen = !request.wantsClose && !request.declaresBody
                guard write(response, withBody: request.method != "HEAD", keepOpen: keepOpen) else { return }
                if !keepOpen || !response.isWhole { return lingeringClose() }
            }
        }
    }

    private enum HeadResult {
        case head(ArraySlice<UInt8>)
        case refused(HTTPRequestError)
        case timedOut
        case closed
    }

    private func readHead(into framer: inout RequestHeadFramer, using chunk: inout [UInt8]) -> HeadResult {
        let start = ContinuousClock.now
        var firstByte: ContinuousClock.Instant? = framer.hasPartialRequest ? start : nil
        slot.beginWaiting(at: start)
        defer { slot.endWaiting() }
        while true {
            switch framer.next() {
            case .head(let bytes): return .head(bytes)
            case .refused(let error): return .refused(error)
            case .incomplete: break
            }
            guard !isStopping() else { return .closed }
            // Evicted to admit a newcomer: a started head is told 408, an idle connection just closes.
            if slot.isEvicted { return firstByte == nil ? .closed : .timedOut }
            let result = chunk.withUnsafeMutableBytes { socket.read(into: $0) }
            switch result {
            case .bytes(let count):
                chunk.withUnsafeBytes { framer.append(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
                firstByte = firstByte ?? .now
            case .closed:
                return .closed
            case .idle:
                if let firstByte {
                    if firstByte.duration(to: .now) > timeouts.head { return .timedOut }
                } else if start.duration(to: .now) > timeouts.idle {
                    return .closed
                }
            }
        }
    }

    /// Writes one response; false when the client is gone (the connection just ends).
    private func write(_ response: HTTPResponse, withBody: Bool, keepOpen: Bool) -> Bool {
        switch response.body {
        case .bytes:
            return socket.writeAll(response.message(closing: !keepOpen, includingBody: withBody), deadline: .now + timeouts.write)
        case .stream(let stream):
            defer { stream.close() }
            guard socket.writeAll(response.head(closing: true), deadline: .now + timeouts.write) else { return false }
            guard withBody else { return true }
            while let chunk = stream.nextChunk() {
                guard socket.writeAll(chunk, deadline: .now + timeouts.write) else { return false }
            }
            return true
        }
    }

    /// Sends a response on a connection about to close (errors and timeouts).
    private func send(_ response: HTTPResponse) {
        _ = write(response, withBody: true, keepOpen: false)
    }

    /// Ends our side, then reads and drops what the client still sends for a moment, so the close
    /// is not a reset that could destroy the answer before the client has read it.
    private func lingeringClose() {
        socket.finishWriting()
        let deadline = ContinuousClock.now + timeouts.linger
        var sink = [UInt8](repeating: 0, count: 64 * 1024)
        while ContinuousClock.now < deadline, !isStopping() {
            if case .closed = sink.withUnsafeMutableBytes({ socket.read(into: $0) }) { return }
        }
    }
}

private extension HTTPResponse {
    /// Whether the body has a length (so the connection can carry another request after it).
    var isWhole: Bool {
        if case .bytes = body { return true }
        return false
    }
}
