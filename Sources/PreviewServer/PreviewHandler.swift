import PreviewHTTP

/// Answers every request of the preview: site files, the live-reload client and its event stream.
struct PreviewHandler: HTTPResponder {
    /// The site being served.
    var site: SiteDirectory
    /// The build status and event streams.
    var hub: LiveReloadHub

    func respond(to request: HTTPRequestHead) -> HTTPResponse {
        var response = response(to: request)
        // A preview must always show the latest build, never a cached one.
        response.headers.append(("Cache-Control", "no-store"))
        response.headers.append(("X-Content-Type-Options", "nosniff"))
        return response
    }

    private func response(to request: HTTPRequestHead) -> HTTPResponse {
        guard request.method == "GET" || request.method == "HEAD" else {
            var response = HTTPResponse.plainText(.methodNotAllowed, "405 Method Not Allowed\n")
            response.headers.append(("Allow", "GET, HEAD"))
            return response
        }
        let path: RequestPath
        do {
            path = try RequestPath(target: String(request.path))
        } catch {
            switch error {
            case .tooLong: return .plainText(.uriTooLong, "414 URI Too Long\n")
            case .malformed: return .plainText(.badRequest, "400 Bad Request\n")
            case .forbidden: return .plainText(.forbidden, "403 Forbidden\n")
            }
        }
        switch path.encoded {
        case LiveReload.eventsPath:
            return HTTPResponse(
                status: .ok,
                headers: [("Content-Type", "text/event-stream; charset=utf-8")],
                body: .stream(hub.subscribe())
            )
        case LiveReload.scriptPath:
            return Self.body(.ok, Array(LiveReload.script.utf8), type: ContentType.forPath("reload.js"))
        default:
            return siteResponse(for: path, query: request.query)
        }
    }

    private func siteResponse(for path: RequestPath, query: Substring) -> HTTPResponse {
        switch site.lookup(path) {
        case .file(let filePath, let bytes):
            return page(.ok, bytes, path: filePath)
        case .folderWithoutSlash:
            var location = path.encoded + "/"
            // Only a plain query is carried over, so nothing odd can reach the header.
            if !query.isEmpty, query.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) {
                location += "?" + query
            }
            // 302 rather than 301: browsers remember permanent redirects, and a preview's folders come and go.
            var response = HTTPResponse.plainText(.found, "302 Found: \(location)\n")
            response.headers.append(("Location", location))
            return response
        case .forbidden:
            return .plainText(.forbidden, "403 Forbidden\n")
        case .notFound:
            return notFound()
        }
    }

    /// The site's own `404.html` with status 404, or a plain-text fallback.
    private func notFound() -> HTTPResponse {
        let notFoundPage = RequestPath(segments: ["404.html"], hasTrailingSlash: false)
        guard case .file(let filePath, let bytes) = site.lookup(notFoundPage) else {
            return .plainText(.notFound, "404 Not Found\n")
        }
        return page(.notFound, bytes, path: filePath)
    }

    /// A site file; HTML gets the live-reload script (and the overlay while the build is failing).
    private func page(_ status: HTTPStatus, _ bytes: [UInt8], path: String) -> HTTPResponse {
        let type = ContentType.forPath(path)
        guard ContentType.isHTML(type) else {
            return Self.body(status, bytes, type: type)
        }
        return Self.body(status, LiveReload.inject(into: bytes, status: hub.status), type: type)
    }

    private static func body(_ status: HTTPStatus, _ bytes: [UInt8], type: String) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", type)], body: .bytes(bytes))
    }
}
