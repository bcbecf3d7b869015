/// Decides which link URLs may reach the output.
enum URLSafety {
    /// Schemes that run code or embed content and never appear as links.
    private static let blockedSchemes: Set<String> = ["javascript", "vbscript", "data", "file"]

    /// Whether the URL's scheme is allowed; scheme matching ignores case, whitespace and control characters.
    static func isSafe(_ url: String) -> Bool {
        guard let scheme = scheme(of: url) else { return true }
        return !blockedSchemes.contains(scheme)
    }

    /// The lower-cased scheme, if the URL has one (`mailto`, `https`); nil for relative URLs.
    static func scheme(of url: String) -> String? {
        if let scheme = asciiScheme(of: url) { return scheme.isEmpty ? nil : scheme }
        // Browsers drop tabs, newlines and leading control characters before parsing a scheme.
        let cleaned = url.unicodeScalars.filter { $0.value > 0x20 && $0 != "\u{7F}" }
        var scheme = ""
        for scalar in cleaned {
            if scalar == ":" { return scheme.isEmpty ? nil : scheme.lowercased() }
            let isSchemeCharacter = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "+-.".unicodeScalars.contains(scalar)
            guard isSchemeCharacter else { return nil }
            scheme.unicodeScalars.append(scalar)
        }
        return nil
    }

    /// `scheme(of:)` on bytes for the usual URL, ASCII letters up to its `:` or first other byte:
    /// "" when it has no scheme, nil when a byte needs the general reading (controls, spaces, non-ASCII).
    private static func asciiScheme(of url: String) -> String? {
        var length = 0
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                length += 1
            case UInt8(ascii: ":"):
                return length == 0 ? "" : String(decoding: url.utf8.prefix(length), as: UTF8.self).lowercased()
            case 0x21..<0x7F:
                return ""  // a visible ASCII byte that no scheme holds: no scheme
            default:
                return nil
            }
        }
        return ""
    }
}
