import DossierCore
import FrontMatter

/// Reads `content/site.yml`.
public enum SiteConfigLoader {
    static let keys: Set<String> = ["title", "description", "language", "base_url", "author", "allow_raw_html", "feed_entries", "extra", "menu"]

    static func parse(_ text: String, path: String, diagnostics: inout [Diagnostic]) -> SiteConfig {
        let value: YAMLValue?
        switch YAMLValue.parse(text, firstLine: 1) {
        case .success(let parsed): value = parsed
        case .failure(let error):
            diagnostics.append(error.diagnostic(path: path))
            return SiteConfig(title: "Untitled")
        }
        var fields = FieldReader(value, path: path)
        fields.warnAboutUnknownKeys(known: keys)
        let title = fields.string("title", required: true) ?? "Untitled"
        var config = SiteConfig(
            title: title, description: fields.string("description") ?? "", language: fields.string("language") ?? "en",
            baseURL: nil, author: fields.string("author"), allowsRawHTML: fields.bool("allow_raw_html") ?? false
        )
        if let base = fields.string("base_url") {
            if base.hasPrefix("https://") || base.hasPrefix("http://") {
                config.baseURL = normalizedBaseURL(base)
            } else {
                fields.report("'base_url' must be an absolute http(s) URL, found '\(base)'", at: fields.position(of: "base_url").textPosition)
            }
        }
        if let entries = fields.int("feed_entries") {
            if entries >= 1 {
                config.feedEntries = entries
            } else {
                fields.report("'feed_entries' must be at least 1, found \(entries)", at: fields.position(of: "feed_entries").textPosition)
            }
        }
        if !config.language.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) || config.language.isEmpty {
            fields.report("'language' must be a language tag such as 'en' or 'en-GB'", at: fields.position(of: "language").textPosition)
        }
        config.extra = fields.value("extra").map(ExtraValue.init)
        config.menu = menu(fields.value("menu"), path: path, into: &fields)
        diagnostics += fields.diagnostics
        return config
    }

    /// The base URL with exactly one trailing slash.
    public static func normalizedBaseURL(_ url: String) -> String {
        url.hasSuffix("/") ? url : url + "/"
    }
}
