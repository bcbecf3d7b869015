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
}
