import Foundation

/// A small HTTP/1.1 server: one thread accepts, one thread per connection serves.
///
/// Threads rather than the concurrency pool: a connection blocks on its socket and on event streams,
/// and the pool has only as many threads as cores. Connections are capped, so a flood of clients
/// gets 503 instead of exhausting threads.
///
/// Slow clients: when the table is full, the connection that has waited longest for a request head
/// (idle or trickling bytes) is closed (408) to admit the newcomer; only connections busy with a
/// request or an event stream make a newcomer wait for 503. Not a per-address cap: a preview listens
/// on loopback, where the slow client and the browser share 127.0.0.1, so such a cap would refuse both.
package final class HTTPServer: @unchecked Sendable {
    // Unchecked: every mutable field is guarded by `lock`.
    private let responder: any HTTPResponder
    private let timeouts: HTTPTimeouts
    private let maximumConnections: Int
    /// Evicted connections still open (sending their 408); bounded so a flood cannot grow threads without limit.
    private var maximumOpen: Int { maximumConnections * 2 }
    private let lock = NSLock()
    private var listener: ListeningSocket?
    private var connections: [Int: (socket: ConnectedSocket, slot: ConnectionSlot)] = [:]
    private var nextConnectionID = 0
    private var stopping = false

    package init(responder: any HTTPResponder, timeouts: HTTPTimeouts = HTTPTimeouts(), maximumConnections: Int = 256) {
        self.responder = responder
        self.timeouts = timeouts
        self.maximumConnections = maximumConnections
    }

    /// The bound port once `listen` succeeded, until the server stops.
    package var port: UInt16? {
        lock.withLock { listener?.port }
    }

    /// How many connections are open now.
    package var connectionCount: Int {
        lock.withLock { connections.count }
    }

    /// Binds the address; connections wait in the backlog until `serve()` runs.
    package func listen(on address: ListenAddress) throws(SocketError) {
        let socket = try ListeningSocket(address: address)
        lock.withLock { listener = socket }
    }

    /// Accepts connections until the calling task is cancelled; then closes the port and every connection.
    package func serve() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (finished: CheckedContinuation<Void, Never>) in
                Self.startThread { [self] in
                    acceptLoop()
                    finished.resume()
                }
            }
        } onCancel: {
            stop()
        }
    }

    private func acceptLoop() {
        while let listener = lock.withLock({ stopping ? nil : listener }) {
            // A short wait so a stop is noticed promptly without a wake-up pipe.
            guard let socket = listener.accept(waitingAtMost: 100) else { continue }
            let slot = ConnectionSlot()
            guard let id = register(socket, slot: slot) else {
                let busy = HTTPResponse.plainText(.serviceUnavailable, "503 Service Unavailable: too many connections\n")
                _ = socket.writeAll(busy.message(closing: true, includingBody: true), deadline: .now + .milliseconds(200))
                continue
            }
            let connection = HTTPConnection(socket: socket, slot: slot, responder: responder, timeouts: timeouts) { [self] in
                lock.withLock { stopping }
            }
            Self.startThread { [self] in
                connection.run()
                unregister(id)
                socket.closeNow()
            }
        }
        lock.withLock { listener = nil }
    }

    private func register(_ socket: ConnectedSocket, slot: ConnectionSlot) -> Int? {
        lock.withLock {
            guard !stopping, connections.count < maximumOpen else { return nil }
            let active = connections.values.filter { !$0.slot.isEvicted }
            if active.count >= maximumConnections {
                let waiting = active.compactMap { entry in entry.slot.evictableSince.map { (entry.slot, $0) } }
                guard let oldest = waiting.min(by: { $0.1 < $1.1 }), oldest.0.evictIfWaiting() else { return nil }
            }
            nextConnectionID += 1
            connections[nextConnectionID] = (socket, slot)
            return nextConnectionID
        }
    }

    /// Forgets a connection before its descriptor is closed, so `stop` never touches a reused descriptor.
    private func unregister(_ id: Int) {
        lock.withLock { _ = connections.removeValue(forKey: id) }
    }

    private func stop() {
        lock.withLock {
            stopping = true
            for entry in connections.values {
                entry.socket.shutDown()
            }
        }
    }

    private static func startThread(_ work: @escaping @Sendable () -> Void) {
        let thread = Thread(block: work)
        thread.stackSize = 1 << 20
        thread.start()
    }
}
