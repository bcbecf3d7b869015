/// A request target's path checked and split into decoded segments that cannot leave the site.
struct RequestPath: Hashable, Sendable {
    /// Decoded path segments; never empty, `.`, `..`, nor containing `/`, `\` or NUL.
    var segments: [String]
    /// Whether the path ended with `/` (a folder was asked for).
    var hasTrailingSlash: Bool

    /// Why a target was refused, mapped to a 4xx status by the handler.
    enum Rejection: Error, Hashable, Sendable {
        /// Longer than `maximumLength` bytes (414).
        case tooLong
        /// Not an origin-form path or not valid percent-encoded UTF-8 (400).
        case malformed
        /// A dot segment, an encoded separator or a NUL byte (403).
        case forbidden
    }

    /// Targets longer than this are refused before any decoding (no page of a site needs more).
    static let maximumLength = 2048

    /// Creates a path from already checked segments.
    init(segments: [String], hasTrailingSlash: Bool) {
        self.segments = segments
        self.hasTrailingSlash = hasTrailingSlash
    }

    /// Parses the raw, still percent-encoded target (query and fragment are ignored).
    init(target: String) throws(Rejection) {
        guard target.utf8.count <= Self.maximumLength else { throw .tooLong }
        let path = target.prefix { $0 != "?" && $0 != "#" }
        guard path.hasPrefix("/") else { throw .malformed }
        var segments: [String] = []
        for raw in path.split(separator: "/", omittingEmptySubsequences: true) {
            let segment = try Self.decode(raw)
            guard segment != ".", segment != "..",
                  !segment.contains(where: { $0 == "/" || $0 == "\\" || $0 == "\0" })
            else { throw .forbidden }
            segments.append(segment)
        }
        self.segments = segments
        self.hasTrailingSlash = path.hasSuffix("/")
    }

    /// The canonical percent-encoded path, safe to put in a `Location` header.
    var encoded: String {
        "/" + segments.map(Self.encode).joined(separator: "/") + (hasTrailingSlash && !segments.isEmpty ? "/" : "")
    }

    /// Percent-decodes one segment; a bad escape or invalid UTF-8 is malformed.
    private static func decode(_ raw: Substring) throws(Rejection) -> String {
        var bytes: [UInt8] = []
        var iterator = raw.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                throw .malformed
            }
            bytes.append(high << 4 | low)
        }
        // Decoding repairs invalid UTF-8, so a changed round trip means the bytes were invalid.
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.utf8.elementsEqual(bytes) else { throw .malformed }
        return text
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Percent-encodes everything but unreserved characters and a few safe sub-delimiters.
    private static func encode(_ segment: String) -> String {
        var result = ""
        for byte in segment.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".utf8)
                result += "%"
                result.unicodeScalars.append(Unicode.Scalar(hex[Int(byte >> 4)]))
                result.unicodeScalars.append(Unicode.Scalar(hex[Int(byte & 0x0F)]))
            }
        }
        return result
    }
}
