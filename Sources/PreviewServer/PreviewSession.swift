import PreviewHTTP

/// `dossier serve` without the build: serves the site, watches the sources, rebuilds and live-reloads.
public actor PreviewSession {
    /// What the session serves and watches.
    public nonisolated let options: PreviewOptions
    private let rebuild: @Sendable (_ changedPaths: [String]) async -> RebuildOutcome
    private let hub = LiveReloadHub()
    private let server: HTTPServer
    private var hasFinished = false

    /// Creates a session; `rebuild` gets the changed paths ([] for a full build) and says how it went.
    public init(options: PreviewOptions, rebuild: @escaping @Sendable (_ changedPaths: [String]) async -> RebuildOutcome) {
        self.options = options
        self.rebuild = rebuild
        server = HTTPServer(responder: PreviewHandler(site: SiteDirectory(root: options.siteDirectory), hub: hub))
    }

    /// The port actually bound (useful with port 0); waits until the server listens, 0 if it never will.
    public var port: UInt16 {
        get async {
            while !hasFinished {
                if let port = server.port { return port }
                guard (try? await Task.sleep(for: .milliseconds(5))) != nil else { return 0 }
            }
            return 0
        }
    }

    /// The outcome of the last rebuild, as pages see it.
    public var status: BuildStatus {
        get async { hub.status }
    }

    /// How many pages hold an event stream open (for tests and diagnostics).
    var eventSubscriberCount: Int {
        get async { hub.subscriberCount }
    }

    /// Listens, builds once, then rebuilds on every settled burst of changes; returns when the task is cancelled.
    public func run() async throws {
        defer { hasFinished = true }
        guard let address = ListenAddress(host: options.host, port: options.port) else {
            throw PreviewError("cannot listen on '\(options.host)': not an IP address (give a numeric one, such as 127.0.0.1 or ::1)")
        }
        do {
            try server.listen(on: address)
        } catch {
            throw PreviewError("cannot listen on \(options.host):\(options.port): \(error.description)", isPortInUse: error.isAddressInUse)
        }
        let watcher = FileWatcher(
            directories: options.watchedDirectories,
            pollInterval: options.pollInterval,
            debounce: options.debounce
        )
        // Taking the watcher's baseline before the first build means edits made during it are not lost.
        let changes = watcher.changes()
        do {
            try await serve(changes: changes)
        } catch where !Task.isCancelled {
            hub.finishAll()
            throw error
        } catch {
            // Cancellation is how the session is meant to stop.
        }
        hub.finishAll()
    }

    /// Runs the server, the keep-alive ticker and the rebuild loop until one of them ends.
    private func serve(changes: AsyncStream<[FileChange]>) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { [server] in
                await server.serve()
            }
            group.addTask { [hub, interval = options.keepAliveInterval] in
                while true {
                    try await Task.sleep(for: interval)
                    hub.sendKeepAlive()
                }
            }
            group.addTask { [rebuild, hub] in
                hub.publish(await rebuild([]))
                for await batch in changes {
                    hub.publish(await rebuild(batch.map(\.path)))
                }
            }
            // The first task to end (an error, or cancellation) ends the session.
            defer { group.cancelAll() }
            try await group.next()
        }
    }
}
