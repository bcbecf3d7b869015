/// Files dossier never reads, lists or watches: hidden files and editors' scratch and swap files.
/// One rule for the loaders and the preview's file watcher, so a file is either content or ignored everywhere.
public enum IgnoredFiles {
    /// Whether a file or folder named `name` is ignored.
    public static func contains(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasPrefix("#") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
    }
}
