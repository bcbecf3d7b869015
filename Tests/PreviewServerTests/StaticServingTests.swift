import Foundation
import Testing
@testable import PreviewServer

/// The preview serves the site folder as a browser expects, with nothing cached.
@Suite(.timeLimit(.minutes(10)))
struct StaticServingTests {
    static let page = "<!doctype html><html><head><title>Home</title></head><body><p>Home</p></body></html>"

    private func makeSite() throws -> PreviewFixture {
        let fixture = try PreviewFixture.make()
        try fixture.write("site/index.html", Self.page)
        try fixture.write("site/topics/water/index.html", "<html><BODY>Water</BODY></html>")
        try fixture.write("site/404.html", "<html><body>Lost page</body></html>")
        try fixture.write("site/style.css", "body { color: red } /* </body> */")
        return fixture
    }

    @Test func servesTheRootIndexWithTheScriptInjectedAndTheFileUntouched() async throws {
        let fixture = try makeSite()
        defer { fixture.remove() }
        try await fixture.withSession { _, port in
            let response = try await RawHTTP.get("/", port: port)
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "text/html; charset=utf-8")
            #expect(response.header("Cache-Control") == "no-store")
            #expect(response.text.contains("<script src=\"/_dossier/reload.js\"></script></body>"))
            #expect(response.text.hasPrefix("<!doctype html>"))
        }
        #expect(try fixture.read("site/index.html") == Array(Self.page.utf8))
    }

    @Test func servesFolderIndexesAndRedirectsFoldersWithoutSlash() async throws {
        let fixture = try makeSite()
        defer { fixture.remove() }
        try await fixture.withSession { _, port in
            let page = try await RawHTTP.get("/topics/water/", port: port)
            #expect(page.status == 200)
            #expect(page.text.contains("Water<script src=\"/_dossier/reload.js\"></script></BODY>"))

            let redirect = try await RawHTTP.get("/topics/water?x=1", port: port)
            #expect(redirect.status == 302)
            #expect(redirect.header("Location") == "/topics/water/?x=1")
            #expect(redirect.header("Cache-Control") == "no-store")

            let file = try await RawHTTP.get("/topics/water/index.html", port: port)
            #expect(file.status == 200)
        }
    }

    @Test func missingPagesGetTheSite404PageWithStatus404() async throws {
        let fixture = try makeSite()
        defer { fixture.remove() }
        try await fixture.withSession { _, port in
            let response = try await RawHTTP.get("/no/such/page.html", port: port)
            #expect(response.status == 404)
            #expect(response.text.contains("Lost page"))
            #expect(response.text.contains("/_dossier/reload.js"))
            #expect(response.header("Cache-Control") == "no-store")
        }
    }

    @Test func missingPagesWithoutA404PageGetPlainText() async throws {
        let fixture = try PreviewFixture.make()
        defer { fixture.remove() }
        try fixture.write("site/index.html", Self.page)
        try await fixture.withSession { _, port in
            let response = try await RawHTTP.get("/nothing", port: port)
            #expect(response.status == 404)
            #expect(response.header("Content-Type") == "text/plain; charset=utf-8")
            #expect(response.text == "404 Not Found\n")
        }
    }

    @Test func headSendsTheSameHeadersWithoutABody() async throws {
        let fixture = try makeSite()
        defer { fixture.remove() }
        try await fixture.withSession { _, port in
            let get = try await RawHTTP.get("/", port: port)
            let head = try await RawHTTP.request("HEAD", "/", port: port)
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head.header("Content-Length") == String(get.body.count))
            #expect(head.header("Content-Type") == get.header("Content-Type"))
            #expect(head.header("Cache-Control") == "no-store")

            let missing = try await RawHTTP.request("HEAD", "/gone", port: port)
            #expect(missing.status == 404)
            #expect(missing.body.isEmpty)
        }
    }

    @Test(arguments: [
        ("style.css", "text/css; charset=utf-8"),
        ("app.js", "text/javascript; charset=utf-8"),
        ("logo.svg", "image/svg+xml"),
        ("sitemap.xml", "application/xml"),
        ("feed.atom", "application/atom+xml"),
        ("search.json", "application/json"),
        ("robots.txt", "text/plain; charset=utf-8"),
        ("image.png", "image/png"),
        ("favicon.ico", "image/x-icon"),
        ("font.woff2", "font/woff2"),
        ("data.unknown", "application/octet-stream"),
    ])
    func servesEachFileWithItsContentType(name: String, type: String) async throws {
        let fixture = try PreviewFixture.make()
        defer { fixture.remove() }
        let contents = "</body> contents of \(name)"
        try fixture.write("site/assets/\(name)", contents)
        try await fixture.withSession { _, port in
            let response = try await RawHTTP.get("/assets/\(name)", port: port)
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == type)
            #expect(response.header("Cache-Control") == "no-store")
            // Only HTML gets the live-reload script.
            #expect(response.text == contents)
        }
    }

    @Test func aSiteSwappedByRenameIsServedFromItsNewVersion() async throws {
        let fixture = try makeSite()
        defer { fixture.remove() }
        try fixture.write("site-next/index.html", "<html><body>Next build</body></html>")
        try await fixture.withSession { _, port in
            #expect(try await RawHTTP.get("/", port: port).text.contains("Home"))
            try FileManager.default.moveItem(atPath: fixture.site, toPath: fixture.root + "/site-old")
            try FileManager.default.moveItem(atPath: fixture.root + "/site-next", toPath: fixture.site)
            let swapped = try await RawHTTP.get("/", port: port)
            #expect(swapped.status == 200)
            #expect(swapped.text.contains("Next build"))
        }
    }

    @Test func otherMethodsAreRefused() async throws {
        let fixture = try makeSite()
        defer { fixture.remove() }
        try await fixture.withSession { _, port in
            let response = try await RawHTTP.request("POST", "/", port: port)
            #expect(response.status == 405)
            #expect(response.header("Allow") == "GET, HEAD")
        }
    }

    @Test func thePortZeroOptionReportsTheBoundPort() async throws {
        let fixture = try makeSite()
        defer { fixture.remove() }
        try await fixture.withSession { session, port in
            #expect(port > 0)
            #expect(await session.port == port)
        }
    }

    @Test func aPortInUseFailsToRunAndReportsNoPort() async throws {
        let fixture = try makeSite()
        defer { fixture.remove() }
        try await fixture.withSession { _, port in
            let second = PreviewSession(options: PreviewOptions(port: port, siteDirectory: fixture.site)) { _ in
                .success(summary: "")
            }
            let error = await #expect(throws: PreviewError.self) { try await second.run() }
            #expect(error?.isPortInUse == true)
            #expect(await second.port == 0)
        }
    }

    @Test func aHostThatIsNotAnAddressFailsToRun() async throws {
        let session = PreviewSession(options: PreviewOptions(host: "not a host", port: 0, siteDirectory: "/nonexistent")) { _ in
            .success(summary: "")
        }
        await #expect(throws: PreviewError.self) { try await session.run() }
    }
}
