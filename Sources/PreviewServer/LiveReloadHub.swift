/// Holds the build status and fans build events out to every open event stream.
actor LiveReloadHub {
    /// The outcome of the last rebuild, rendered into pages loaded while it is failing.
    private(set) var status: BuildStatus = .ok
    private var streams: [Int: AsyncStream<[UInt8]>.Continuation] = [:]
    private var nextID = 0

    /// How many event streams are open (tests wait on this before triggering a build).
    var subscriberCount: Int { streams.count }

    /// Opens a stream of Server-Sent Events bytes; it starts with a comment so clients know it is live.
    func subscribe() -> (id: Int, stream: AsyncStream<[UInt8]>) {
        let id = nextID
        nextID += 1
        // A slow client drops old events instead of holding anything up.
        let (stream, continuation) = AsyncStream.makeStream(of: [UInt8].self, bufferingPolicy: .bufferingNewest(32))
        continuation.yield(Array("retry: 1000\n: connected\n\n".utf8))
        streams[id] = continuation
        return (id, stream)
    }

    /// Forgets a stream whose connection is gone.
    func unsubscribe(_ id: Int) {
        streams.removeValue(forKey: id)?.finish()
    }

    /// Records a rebuild's outcome and tells open pages: `reload` on success, `error` with diagnostics on failure.
    func publish(_ outcome: RebuildOutcome) {
        status = BuildStatus(outcome)
        switch outcome {
        case .success:
            broadcast(Self.event("reload", data: "reload"))
        case .failure(let diagnostics):
            broadcast(Self.event("error", data: LiveReload.errorEventData(for: diagnostics)))
        }
    }

    /// Sends a comment line so idle connections stay open and dead ones are noticed.
    func sendKeepAlive() {
        broadcast(Array(": keep-alive\n\n".utf8))
    }

    /// Ends every stream (the server is stopping).
    func finishAll() {
        for continuation in streams.values {
            continuation.finish()
        }
        streams.removeAll()
    }

    private func broadcast(_ bytes: [UInt8]) {
        for continuation in streams.values {
            continuation.yield(bytes)
        }
    }

    /// One event in the `text/event-stream` format; every data line gets its own `data:` prefix.
    private static func event(_ name: String, data: String) -> [UInt8] {
        var text = "event: \(name)\n"
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) {
            text += "data: \(line)\n"
        }
        text += "\n"
        return Array(text.utf8)
    }
}
