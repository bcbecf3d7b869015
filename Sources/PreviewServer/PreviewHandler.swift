import FlyingFox
import Foundation

/// Answers every request of the preview: site files, the live-reload client and its event stream.
struct PreviewHandler: HTTPHandler {
    /// The site being served.
    var site: SiteDirectory
    /// The build status and event streams.
    var hub: LiveReloadHub

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        var response = await response(to: request)
        // A preview must always show the latest build, never a cached one.
        response.headers[.cacheControl] = "no-store"
        response.headers[HTTPHeader("X-Content-Type-Options")] = "nosniff"
        return response
    }

    private func response(to request: HTTPRequest) async -> HTTPResponse {
        let isHead = request.method == .HEAD
        guard request.method == .GET || isHead else {
            var response = Self.plainText(.methodNotAllowed, "405 Method Not Allowed\n", isHead: false)
            response.headers[HTTPHeader("Allow")] = "GET, HEAD"
            return response
        }
        let path: RequestPath
        do {
            path = try RequestPath(target: request.target.path())
        } catch {
            switch error {
            case .tooLong: return Self.plainText(.uriTooLong, "414 URI Too Long\n", isHead: isHead)
            case .malformed: return Self.plainText(.badRequest, "400 Bad Request\n", isHead: isHead)
            case .forbidden: return Self.plainText(.forbidden, "403 Forbidden\n", isHead: isHead)
            }
        }
        switch path.encoded {
        case LiveReload.eventsPath:
            return await eventStream(isHead: isHead)
        case LiveReload.scriptPath:
            return Self.body(.ok, Array(LiveReload.script.utf8), type: ContentType.forPath("reload.js"), isHead: isHead)
        default:
            return await siteResponse(for: path, query: request.target.query(), isHead: isHead)
        }
    }

    private func siteResponse(for path: RequestPath, query: String, isHead: Bool) async -> HTTPResponse {
        switch site.lookup(path) {
        case .file(let filePath, let bytes):
            return await page(.ok, bytes, path: filePath, isHead: isHead)
        case .folderWithoutSlash:
            var location = path.encoded + "/"
            // Only a plain query is carried over, so nothing odd can reach the header.
            if !query.isEmpty, query.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) {
                location += "?" + query
            }
            // 302 rather than 301: browsers remember permanent redirects, and a preview's folders come and go.
            var response = Self.plainText(.found, "302 Found: \(location)\n", isHead: isHead)
            response.headers[.location] = location
            return response
        case .forbidden:
            return Self.plainText(.forbidden, "403 Forbidden\n", isHead: isHead)
        case .notFound:
            return await notFound(isHead: isHead)
        }
    }

    /// The site's own `404.html` with status 404, or a plain-text fallback.
    private func notFound(isHead: Bool) async -> HTTPResponse {
        let notFoundPage = RequestPath(segments: ["404.html"], hasTrailingSlash: false)
        guard case .file(let filePath, let bytes) = site.lookup(notFoundPage) else {
            return Self.plainText(.notFound, "404 Not Found\n", isHead: isHead)
        }
        return await page(.notFound, bytes, path: filePath, isHead: isHead)
    }

    /// A site file; HTML gets the live-reload script (and the overlay while the build is failing).
    private func page(_ status: HTTPStatusCode, _ bytes: [UInt8], path: String, isHead: Bool) async -> HTTPResponse {
        let type = ContentType.forPath(path)
        guard ContentType.isHTML(type) else {
            return Self.body(status, bytes, type: type, isHead: isHead)
        }
        let injected = LiveReload.inject(into: bytes, status: await hub.status)
        return Self.body(status, injected, type: type, isHead: isHead)
    }

    private func eventStream(isHead: Bool) async -> HTTPResponse {
        let headers: HTTPHeaders = [.contentType: "text/event-stream; charset=utf-8"]
        guard !isHead else {
            return HTTPResponse(statusCode: .ok, headers: headers)
        }
        let body = await EventStreamBody(hub: hub)
        return HTTPResponse(statusCode: .ok, headers: headers, body: HTTPBodySequence(from: body))
    }

    private static func plainText(_ status: HTTPStatusCode, _ text: String, isHead: Bool) -> HTTPResponse {
        body(status, Array(text.utf8), type: "text/plain; charset=utf-8", isHead: isHead)
    }

    /// A whole body; HEAD keeps the headers (length included) and sends no bytes.
    private static func body(_ status: HTTPStatusCode, _ bytes: [UInt8], type: String, isHead: Bool) -> HTTPResponse {
        let headers: HTTPHeaders = [.contentType: type]
        if isHead {
            var headHeaders = headers
            headHeaders[.contentLength] = String(bytes.count)
            return HTTPResponse(statusCode: status, headers: headHeaders)
        }
        return HTTPResponse(statusCode: status, headers: headers, body: Data(bytes))
    }
}
