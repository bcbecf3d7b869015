import Testing
@testable import PreviewHTTP

/// How request heads are parsed, and which are refused with which status.
struct HTTPRequestHeadTests {
    private func parse(_ text: String) throws(HTTPRequestError) -> HTTPRequestHead {
        try HTTPRequestHead(parsing: Array(text.utf8)[...])
    }

    @Test func parsesTheRequestLineAndHeaders() throws {
        let head = try parse("GET /topics/water/?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8000\r\nAccept:  text/html \r\nX-Empty:")
        #expect(head.method == "GET")
        #expect(head.target == "/topics/water/?q=1")
        #expect(head.path == "/topics/water/")
        #expect(head.query == "q=1")
        #expect(head.minorVersion == 1)
        #expect(head.header("host") == "127.0.0.1:8000")
        #expect(head.header("accept") == "text/html")
        #expect(head.header("x-empty") == "")
        #expect(!head.wantsClose)
        #expect(!head.declaresBody)
    }

    @Test func acceptsBareLineFeedsAndLeadingEmptyLines() throws {
        let head = try parse("\r\n\nGET / HTTP/1.1\nHost: x")
        #expect(head.target == "/")
        #expect(head.header("host") == "x")
    }

    @Test func reducesAnAbsoluteTargetToItsPath() throws {
        #expect(try parse("GET http://example.org/a?b HTTP/1.1\r\nHost: x").target == "/a?b")
        #expect(try parse("GET HTTPS://example.org HTTP/1.1\r\nHost: x").target == "/")
        #expect(try parse("GET http://example.org?q HTTP/1.1\r\nHost: x").target == "/?q")
    }

    @Test func connectionPersistenceFollowsTheVersionAndTheConnectionHeader() throws {
        #expect(try parse("GET / HTTP/1.1\r\nHost: x\r\nConnection: Keep-Alive, Close").wantsClose)
        #expect(try parse("GET / HTTP/1.0").wantsClose)
        #expect(!(try parse("GET / HTTP/1.0\r\nConnection: keep-alive").wantsClose))
    }

    @Test func aBodyIsDeclaredByLengthOrTransferEncoding() throws {
        #expect(try parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3").declaresBody)
        #expect(try parse("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked").declaresBody)
        #expect(!(try parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0").declaresBody))
    }

    @Test(arguments: [
        ("", 400),
        ("GET /", 400),
        ("GET  / HTTP/1.1\r\nHost: x", 400),
        ("GET / HTTP/1.1 extra\r\nHost: x", 400),
        ("G(T / HTTP/1.1\r\nHost: x", 400),
        ("GET /a\u{7F} HTTP/1.1\r\nHost: x", 400),
        ("GET /caf\u{E9} HTTP/1.1\r\nHost: x", 400),
        ("GET /a\rb HTTP/1.1\r\nHost: x", 400),
        ("GET / HTTP/1\r\nHost: x", 400),
        ("GET / http/1.1\r\nHost: x", 400),
        ("GET / HTTP/2.0\r\nHost: x", 505),
        ("GET / HTTP/0.9\r\nHost: x", 505),
        ("GET http:///a HTTP/1.1\r\nHost: x", 400),
        ("GET / HTTP/1.1", 400),
        ("GET / HTTP/1.1\r\nHost: x\r\nHost: y", 400),
        ("GET / HTTP/1.1\r\nHost x", 400),
        ("GET / HTTP/1.1\r\nHost : x", 400),
        ("GET / HTTP/1.1\r\n: x\r\nHost: x", 400),
        ("GET / HTTP/1.1\r\nHost: x\r\n folded", 400),
        ("GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u{0}b", 400),
        ("GET / HTTP/1.1\r\nHost: x\r\nX-A: a\rb", 400),
        ("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1", 400),
        ("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1e3", 400),
        ("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1234567890123456789", 400),
        ("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2", 400),
        ("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked", 400),
        ("GET / HTTP/1.0\r\nTransfer-Encoding: chunked", 400),
    ])
    func refusesMalformedHeads(text: String, status: Int) {
        #expect(throws: HTTPRequestError.self) { try parse(text) }
        do {
            _ = try parse(text)
        } catch {
            #expect(error.status.code == status, "\(text.debugDescription)")
        }
    }

    @Test func refusesTooManyHeaderFieldsWith431() {
        let text = "GET / HTTP/1.1\r\nHost: x" + String(repeating: "\r\nX-A: 1", count: HTTPRequestHead.maximumHeaderCount)
        #expect(throws: HTTPRequestError(status: .headersTooLarge, message: "more than 100 header fields")) {
            try parse(text)
        }
    }

    @Test func acceptsTheLargestAllowedNumberOfHeaderFields() throws {
        let text = "GET / HTTP/1.1\r\nHost: x" + String(repeating: "\r\nX-A: 1", count: HTTPRequestHead.maximumHeaderCount - 1)
        #expect(try parse(text).headers.count == HTTPRequestHead.maximumHeaderCount)
    }
}

/// How a byte stream is cut into request heads, and when limits stop it early.
struct RequestHeadFramerTests {
    private func feed(_ framer: inout RequestHeadFramer, _ text: String) -> RequestHeadFramer.Outcome {
        Array(text.utf8).withUnsafeBytes { framer.append($0) }
        return framer.next()
    }

    private func text(_ outcome: RequestHeadFramer.Outcome) -> String? {
        guard case .head(let bytes) = outcome else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func waitsForTheEmptyLineAcrossReads() {
        var framer = RequestHeadFramer()
        #expect(feed(&framer, "GET / HT") == .incomplete)
        #expect(feed(&framer, "TP/1.1\r\nHost: x\r") == .incomplete)
        #expect(feed(&framer, "\n\r") == .incomplete)
        #expect(text(feed(&framer, "\n")) == "GET / HTTP/1.1\r\nHost: x\r")
        #expect(!framer.hasPartialRequest)
    }

    @Test func keepsAPipelinedRequestForTheNextCall() {
        var framer = RequestHeadFramer()
        let first = feed(&framer, "GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\nHost: x\n\nGET /c")
        #expect(text(first) == "GET /a HTTP/1.1\r\nHost: x\r")
        #expect(text(framer.next()) == "GET /b HTTP/1.1\nHost: x")
        #expect(framer.next() == .incomplete)
        #expect(framer.hasPartialRequest)
    }

    @Test func skipsEmptyLinesBeforeTheRequestLine() {
        var framer = RequestHeadFramer()
        #expect(feed(&framer, "\r\n\r\n") == .incomplete)
        #expect(text(feed(&framer, "GET / HTTP/1.0\r\n\r\n")) == "\r\n\r\nGET / HTTP/1.0\r")
    }

    @Test func anOverlongRequestLineIs414AsSoonAsItPassesTheLimit() {
        var framer = RequestHeadFramer()
        let outcome = feed(&framer, "GET /" + String(repeating: "a", count: RequestHeadFramer.maximumRequestLine))
        guard case .refused(let error) = outcome else {
            Issue.record("expected a refusal, got \(outcome)")
            return
        }
        #expect(error.status == .uriTooLong)
    }

    @Test func anOverlongRequestLineArrivingWholeIs414() {
        var framer = RequestHeadFramer()
        let outcome = feed(&framer, "GET /" + String(repeating: "a", count: RequestHeadFramer.maximumRequestLine) + " HTTP/1.1\r\n\r\n")
        #expect(outcome == .refused(HTTPRequestError(status: .uriTooLong, message: "the request line is longer than 8192 bytes")))
    }

    @Test func endlessBytesWithoutAMethodAre400() {
        var framer = RequestHeadFramer()
        let outcome = feed(&framer, String(repeating: "\u{1}", count: RequestHeadFramer.maximumRequestLine + 1))
        guard case .refused(let error) = outcome else {
            Issue.record("expected a refusal, got \(outcome)")
            return
        }
        #expect(error.status == .badRequest)
    }

    @Test func anOverlongHeadIs431WhetherItEndsOrNot() {
        let header = "X-Big: " + String(repeating: "b", count: RequestHeadFramer.maximumHead) + "\r\n"
        var unfinished = RequestHeadFramer()
        guard case .refused(let error) = feed(&unfinished, "GET / HTTP/1.1\r\n" + header) else {
            Issue.record("an unfinished overlong head was not refused")
            return
        }
        #expect(error.status == .headersTooLarge)
        var finished = RequestHeadFramer()
        guard case .refused(let whole) = feed(&finished, "GET / HTTP/1.1\r\n" + header + "\r\n") else {
            Issue.record("a finished overlong head was not refused")
            return
        }
        #expect(whole.status == .headersTooLarge)
    }
}
