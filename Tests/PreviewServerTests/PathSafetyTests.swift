import Foundation
import Testing
@testable import PreviewServer

/// Nothing outside the site folder is ever served, and hostile requests get 4xx without harm.
@Suite(.timeLimit(.minutes(10)))
struct PathSafetyTests {
    static let secret = "TOP SECRET outside the site"

    /// A site next to a secret file, with symlinks out of the site.
    private func makeSite() throws -> PreviewFixture {
        let fixture = try PreviewFixture.make()
        try fixture.write("secret.txt", Self.secret)
        try fixture.write("site/index.html", "<html><body>home</body></html>")
        try fixture.write("site/topics/a.html", "<html><body>a</body></html>")
        try FileManager.default.createSymbolicLink(atPath: fixture.site + "/escape", withDestinationPath: fixture.root)
        try FileManager.default.createSymbolicLink(
            atPath: fixture.site + "/leak.txt", withDestinationPath: fixture.root + "/secret.txt"
        )
        try FileManager.default.createSymbolicLink(atPath: fixture.site + "/inside.html", withDestinationPath: "topics/a.html")
        return fixture
    }

    @Test(arguments: [
        "/../secret.txt",
        "/topics/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2e%2e/secret.txt",
        "/topics/%2e%2e%2f%2e%2e%2fsecret.txt",
        "/..%2Fsecret.txt",
        "/%2F..%2Fsecret.txt",
        "/topics/a.html%00.txt",
        "/escape/secret.txt",
        "/leak.txt",
        "/..\\secret.txt",
        "/.%2e/secret.txt",
    ])
    func traversalIsRefused(target: String) async throws {
        let fixture = try makeSite()
        defer { fixture.remove() }
        try await fixture.withSession { _, port in
            let response = try await RawHTTP.get(target, port: port)
            #expect([400, 403, 404].contains(response.status), "\(target) → \(response.status)")
            #expect(!response.text.contains(Self.secret))
        }
    }

    @Test func symlinksInsideTheSiteAreServedAndThoseLeavingItRefused() async throws {
        let fixture = try makeSite()
        defer { fixture.remove() }
        try await fixture.withSession { _, port in
            let response = try await RawHTTP.get("/inside.html", port: port)
            #expect(response.status == 200)
            #expect(response.text.contains("a"))
            // The escaping links exist and resolve, so only the containment check can refuse them.
            #expect(try await RawHTTP.get("/leak.txt", port: port).status == 403)
            #expect(try await RawHTTP.get("/escape/secret.txt", port: port).status == 403)
        }
    }

    @Test func hostileRequestsGet4xxAndTheServerKeepsServing() async throws {
        let fixture = try makeSite()
        defer { fixture.remove() }
        try await fixture.withSession { _, port in
            let long = try await RawHTTP.get("/" + String(repeating: "a", count: RequestPath.maximumLength + 500), port: port)
            #expect(long.status == 414)
            let badEscape = try await RawHTTP.get("/%zz", port: port)
            #expect(badEscape.status == 400)
            let badUTF8 = try await RawHTTP.get("/%ff%fe", port: port)
            #expect(badUTF8.status == 400)
            let notAPath = try await RawHTTP.get("index.html", port: port)
            #expect(notAPath.status == 400)
            let garbage = try await RawHTTP.send("NONSENSE\r\n\r\n", port: port)
            #expect(garbage.status == 400)
            let hugeLine = try await RawHTTP.get("/" + String(repeating: "a", count: 64 * 1024), port: port)
            #expect(hugeLine.status == 414)

            let afterwards = try await RawHTTP.get("/", port: port)
            #expect(afterwards.status == 200)
        }
    }
}

/// The pure half of path safety: how a raw target becomes segments.
struct RequestPathTests {
    @Test func splitsAndDecodesSegments() throws {
        let path = try RequestPath(target: "/topics/clean%20water/?q=1")
        #expect(path.segments == ["topics", "clean water"])
        #expect(path.hasTrailingSlash)
        #expect(path.encoded == "/topics/clean%20water/")
    }

    @Test func theRootHasNoSegments() throws {
        let path = try RequestPath(target: "/")
        #expect(path.segments.isEmpty)
        #expect(path.encoded == "/")
    }

    @Test func doubleSlashesCannotMakeAnOffSiteRedirect() throws {
        let path = try RequestPath(target: "//evil.example/x")
        #expect(path.encoded == "/evil.example/x")
    }

    @Test(arguments: [
        ("/a/../b", RequestPath.Rejection.forbidden),
        ("/a/%2E%2E/b", .forbidden),
        ("/a%2fb", .forbidden),
        ("/a%5Cb", .forbidden),
        ("/a%00", .forbidden),
        ("/./a", .forbidden),
        ("/%", .malformed),
        ("/%4", .malformed),
        ("/%c3%28", .malformed),
        ("a", .malformed),
        ("", .malformed),
    ])
    func rejectsUnsafeTargets(target: String, rejection: RequestPath.Rejection) {
        #expect(throws: rejection) { try RequestPath(target: target) }
    }

    @Test func rejectsOverlongTargets() {
        #expect(throws: RequestPath.Rejection.tooLong) {
            try RequestPath(target: "/" + String(repeating: "x", count: RequestPath.maximumLength))
        }
    }
}
