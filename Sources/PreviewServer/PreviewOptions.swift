/// Where `dossier serve` listens, what it serves and what it watches.
public struct PreviewOptions: Sendable {
    /// The address to bind; loopback by default so the preview is never exposed.
    public var host: String
    /// The port to bind; 0 asks the system for a free one (read it back from the session).
    public var port: UInt16
    /// The folder holding the last good site (swapped atomically by the builder).
    public var siteDirectory: String
    /// Folders watched recursively for changes, such as `content` and `templates`.
    public var watchedDirectories: [String]
    /// How long the watched folders must stay quiet before a burst of changes is reported.
    public var debounce: Duration
    /// How often the watcher scans the watched folders.
    public var pollInterval: Duration
    /// How often an idle event stream gets a comment so proxies and browsers keep it open.
    public var keepAliveInterval: Duration

    /// Creates options; only the site folder is required.
    public init(
        host: String = "127.0.0.1",
        port: UInt16 = 8000,
        siteDirectory: String,
        watchedDirectories: [String] = [],
        debounce: Duration = .milliseconds(80),
        pollInterval: Duration = .milliseconds(100),
        keepAliveInterval: Duration = .seconds(15)
    ) {
        self.host = host
        self.port = port
        self.siteDirectory = siteDirectory
        self.watchedDirectories = watchedDirectories
        self.debounce = debounce
        self.pollInterval = pollInterval
        self.keepAliveInterval = keepAliveInterval
    }
}
