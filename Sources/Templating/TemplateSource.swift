/// One template's text with the name other templates use for it and the path diagnostics print.
public struct TemplateSource: Sendable {
    /// The name used in `{{> name}}` and `{{< name}}`, e.g. `base` or `partials/header`.
    public var name: String
    /// The path shown in diagnostics, e.g. `templates/base.html`.
    public var path: String
    /// The Mustache text.
    public var text: String

    /// Creates a source.
    public init(name: String, path: String, text: String) {
        self.name = name
        self.path = path
        self.text = text
    }
}
