#if canImport(Darwin)
import Darwin
#else
import Glibc
#endif
import FlyingFox
import FlyingSocks

/// `dossier serve` without the build: serves the site, watches the sources, rebuilds and live-reloads.
public actor PreviewSession {
    /// What the session serves and watches.
    public nonisolated let options: PreviewOptions
    private let rebuild: @Sendable (_ changedPaths: [String]) async -> RebuildOutcome
    private let hub = LiveReloadHub()
    private let server: HTTPServer
    private let addressError: PreviewError?
    private var hasFinished = false

    /// Creates a session; `rebuild` gets the changed paths ([] for a full build) and says how it went.
    public init(options: PreviewOptions, rebuild: @escaping @Sendable (_ changedPaths: [String]) async -> RebuildOutcome) {
        self.options = options
        self.rebuild = rebuild
        let handler = PreviewHandler(site: SiteDirectory(root: options.siteDirectory), hub: hub)
        do {
            let address = try Self.address(host: options.host, port: options.port)
            server = HTTPServer(address: address, logger: .disabled, handler: handler)
            addressError = nil
        } catch {
            // Reported by run(); the placeholder server is never started.
            server = HTTPServer(address: sockaddr_in6.loopback(port: 0), logger: .disabled, handler: handler)
            addressError = PreviewError("cannot listen on '\(options.host)': not an IP address")
        }
    }

    /// The port actually bound (useful with port 0); waits until the server listens, 0 if it never will.
    public var port: UInt16 {
        get async {
            while !hasFinished {
                if await server.isListening {
                    switch await server.listeningAddress {
                    case .ip4(_, let port), .ip6(_, let port): return port
                    case .unix, nil: return 0
                    }
                }
                guard (try? await Task.sleep(for: .milliseconds(5))) != nil else { return 0 }
            }
            return 0
        }
    }

    /// The outcome of the last rebuild, as pages see it.
    public var status: BuildStatus {
        get async { await hub.status }
    }

    /// How many pages hold an event stream open (for tests and diagnostics).
    var eventSubscriberCount: Int {
        get async { await hub.subscriberCount }
    }

    /// Listens, builds once, then rebuilds on every settled burst of changes; returns when the task is cancelled.
    public func run() async throws {
        defer { hasFinished = true }
        if let addressError { throw addressError }
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
            await hub.finishAll()
            throw error
        } catch {
            // Cancellation is how the session is meant to stop.
        }
        await hub.finishAll()
    }

    /// Runs the server, the keep-alive ticker and the rebuild loop until one of them ends.
    private func serve(changes: AsyncStream<[FileChange]>) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { [server, options] in
                do {
                    try await server.run()
                } catch is CancellationError {
                    throw CancellationError()
                } catch {
                    throw PreviewError("cannot listen on \(options.host):\(options.port): \(error.localizedDescription)")
                }
            }
            group.addTask { [hub, interval = options.keepAliveInterval] in
                while true {
                    try await Task.sleep(for: interval)
                    await hub.sendKeepAlive()
                }
            }
            group.addTask { [rebuild, hub] in
                await hub.publish(await rebuild([]))
                for await batch in changes {
                    await hub.publish(await rebuild(batch.map(\.path)))
                }
            }
            // The first task to end (an error, or cancellation) ends the session.
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    private static func address(host: String, port: UInt16) throws -> any SocketAddress {
        if host == "localhost" {
            return try sockaddr_in.inet(ip4: "127.0.0.1", port: port)
        }
        if host.contains(":") {
            return try sockaddr_in6.inet6(ip6: host, port: port)
        }
        return try sockaddr_in.inet(ip4: host, port: port)
    }
}
