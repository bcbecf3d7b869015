import DossierCore
import Foundation
import Testing
@testable import PreviewServer

/// Rebuilds reach open pages as `reload` or `error` events, and failing builds show an overlay.
@Suite(.timeLimit(.minutes(10)))
struct LiveReloadTests {
    private func makeProject() throws -> PreviewFixture {
        let fixture = try PreviewFixture.make()
        try fixture.write("content/title.txt", "First")
        return fixture
    }

    @Test func savingAWatchedFileSendsReload() async throws {
        let fixture = try makeProject()
        defer { fixture.remove() }
        let builder = FakeBuilder(fixture: fixture)
        try await fixture.withSession(rebuild: builder.rebuild) { _, port in
            try await builder.waitForCalls(1)
            #expect(await builder.calls == [[]])
            let events = try await EventStreamClient.connect(port: port)
            defer { events.close() }

            try fixture.write("content/title.txt", "Second")
            _ = try await events.next(containing: "event: reload")
            #expect(await builder.calls.last == [fixture.content + "/title.txt"])
            let page = try await RawHTTP.get("/", port: port)
            #expect(page.text.contains("<h1>Second</h1>"))
        }
    }

    @Test func aFailingBuildSendsErrorAndPagesShowTheOverlayUntilFixed() async throws {
        let fixture = try makeProject()
        defer { fixture.remove() }
        let builder = FakeBuilder(fixture: fixture)
        try await fixture.withSession(rebuild: builder.rebuild) { session, port in
            try await builder.waitForCalls(1)
            let events = try await EventStreamClient.connect(port: port)
            defer { events.close() }

            try fixture.write("content/title.txt", "!water")
            let error = try await events.next(containing: "event: error")
            #expect(error.contains("event: error"))
            let data = try await events.next(containing: "data: ")
            #expect(data.contains(#""text":"content/title.txt:1:2: error: unknown topic <water> & more""#))
            #expect(data.contains(#""line":1"#))
            guard case .failed(let diagnostics) = await session.status else {
                Issue.record("the session should hold the failure")
                return
            }
            #expect(diagnostics.count == 1)

            // The last good site is still served, now with the overlay.
            let failing = try await RawHTTP.get("/", port: port)
            #expect(failing.status == 200)
            #expect(failing.text.contains("<h1>First</h1>"))
            #expect(failing.text.contains("id=\"dossier-build-errors\""))
            #expect(failing.text.contains("content/title.txt:1:2: error: unknown topic &lt;water&gt; &amp; more"))
            #expect(!failing.text.contains("<water>"))

            try fixture.write("content/title.txt", "Fixed")
            _ = try await events.next(containing: "event: reload")
            let fixed = try await RawHTTP.get("/", port: port)
            #expect(fixed.text.contains("<h1>Fixed</h1>"))
            #expect(!fixed.text.contains("dossier-build-errors"))
            #expect(await session.status == .ok)
        }
    }

    @Test func aBurstOfSavesTriggersOneRebuild() async throws {
        let debounce = Duration.milliseconds(500)
        for _ in 0..<5 {
            let fixture = try makeProject()
            defer { fixture.remove() }
            let builder = FakeBuilder(fixture: fixture)
            let judged = try await fixture.withSession(debounce: debounce, rebuild: builder.rebuild) { _, port in
                try await builder.waitForCalls(1)
                let events = try await EventStreamClient.connect(port: port)
                defer { events.close() }
                let gap = try Waiting.burst((0..<5).flatMap { index -> [() throws -> Void] in
                    [{ try fixture.write("content/title.txt", "Draft \(index)") }, { usleep(10_000) }]
                })
                _ = try await events.next(containing: "event: reload")
                // A burst that load stretched past the debounce may rightly rebuild twice: try again.
                guard gap < debounce else { return false }
                // Nothing else is pending: a second reload could only come from a burst split in two.
                let more = try await events.drain(for: debounce * 3)
                #expect(!more.contains("event:"))
                #expect(await builder.calls.count == 2)
                return true
            }
            if judged { return }
        }
        Issue.record("five bursts in a row were stretched past the debounce by load; none could be judged")
    }

    @Test func eventStreamsCarryKeepAlivesAndClosedOnesAreDropped() async throws {
        let fixture = try makeProject()
        defer { fixture.remove() }
        try await fixture.withSession(keepAlive: .milliseconds(50)) { session, port in
            let staying = try await EventStreamClient.connect(port: port)
            defer { staying.close() }
            let leaving = try await EventStreamClient.connect(port: port)
            #expect(await session.eventSubscriberCount == 2)
            leaving.close()

            _ = try await staying.next(containing: ": keep-alive")
            // The closed stream is noticed on a keep-alive write, whenever load lets that happen.
            try await Waiting.until("the closed stream to be dropped") { await session.eventSubscriberCount == 1 }
            _ = try await staying.next(containing: ": keep-alive")
        }
    }

    @Test func theClientScriptIsServedAsJavaScript() async throws {
        let fixture = try makeProject()
        defer { fixture.remove() }
        try await fixture.withSession { _, port in
            let script = try await RawHTTP.get("/_dossier/reload.js", port: port)
            #expect(script.status == 200)
            #expect(script.header("Content-Type") == "text/javascript; charset=utf-8")
            #expect(script.text.contains("new EventSource(\"/_dossier/events\")"))
            #expect(script.text.contains("location.reload()"))
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.site + "/_dossier"))
    }
}

/// Where the script and overlay go in a page, and how diagnostics are escaped.
struct LiveReloadInjectionTests {
    @Test func insertsBeforeTheLastClosingBodyTagInAnyCase() {
        let page = Array("<body><pre>&lt;/body&gt; </body></pre></BODY>\n</html>".utf8)
        let result = String(decoding: LiveReload.inject(into: page, status: .ok), as: UTF8.self)
        #expect(result == "<body><pre>&lt;/body&gt; </body></pre><script src=\"/_dossier/reload.js\"></script></BODY>\n</html>")
    }

    @Test func appendsWhenThereIsNoBodyTag() {
        let result = String(decoding: LiveReload.inject(into: Array("<p>hi".utf8), status: .ok), as: UTF8.self)
        #expect(result == "<p>hi<script src=\"/_dossier/reload.js\"></script>")
    }

    @Test func addsTheEscapedOverlayWhenTheBuildFails() {
        let diagnostic = Diagnostic.error(
            "bad <script>alert('x')</script>", at: SourceLocation(path: "content/a.md", line: 3, column: 7)
        )
        let result = String(decoding: LiveReload.inject(into: Array("<body></body>".utf8), status: .failed([diagnostic])), as: UTF8.self)
        #expect(result.contains("content/a.md:3:7: error: bad &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(result.contains("position:fixed"))
        #expect(!result.contains("<script>alert"))
    }

    @Test func errorEventDataIsOneLineOfJSON() throws {
        let diagnostic = Diagnostic.error("two\nlines", at: SourceLocation(path: "c/x.md", line: 2, column: 1))
        let data = LiveReload.errorEventData(for: [diagnostic])
        #expect(!data.contains("\n"))
        let decoded = try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: [[String: Any]]]
        #expect(decoded?["diagnostics"]?.first?["text"] as? String == "c/x.md:2:1: error: two\nlines")
    }
}
