/// A response status: its code and the reason phrase sent with it.
package struct HTTPStatus: Hashable, Sendable {
    package var code: Int
    package var reason: String

    package static let ok = HTTPStatus(code: 200, reason: "OK")
    package static let found = HTTPStatus(code: 302, reason: "Found")
    package static let badRequest = HTTPStatus(code: 400, reason: "Bad Request")
    package static let forbidden = HTTPStatus(code: 403, reason: "Forbidden")
    package static let notFound = HTTPStatus(code: 404, reason: "Not Found")
    package static let methodNotAllowed = HTTPStatus(code: 405, reason: "Method Not Allowed")
    package static let requestTimeout = HTTPStatus(code: 408, reason: "Request Timeout")
    package static let uriTooLong = HTTPStatus(code: 414, reason: "URI Too Long")
    package static let headersTooLarge = HTTPStatus(code: 431, reason: "Request Header Fields Too Large")
    package static let serviceUnavailable = HTTPStatus(code: 503, reason: "Service Unavailable")
    package static let versionNotSupported = HTTPStatus(code: 505, reason: "HTTP Version Not Supported")
}
