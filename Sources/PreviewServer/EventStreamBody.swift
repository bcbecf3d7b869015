import FlyingSocks

/// The body of an `/_dossier/events` response: the bytes of one hub subscription, as they come.
struct EventStreamBody: AsyncBufferedSequence {
    typealias Element = UInt8

    private let stream: AsyncStream<[UInt8]>
    private let subscription: Subscription

    /// Subscribes to the hub; the subscription ends when the response body is dropped.
    init(hub: LiveReloadHub) async {
        let (id, stream) = await hub.subscribe()
        self.stream = stream
        self.subscription = Subscription(id: id, hub: hub)
    }

    func makeAsyncIterator() -> Iterator {
        Iterator(base: stream.makeAsyncIterator(), subscription: subscription)
    }

    /// Hands out whole events as they arrive, split only if the writer asks for less.
    struct Iterator: AsyncBufferedIteratorProtocol {
        private var base: AsyncStream<[UInt8]>.Iterator
        private let subscription: Subscription
        private var pending: ArraySlice<UInt8> = []

        fileprivate init(base: AsyncStream<[UInt8]>.Iterator, subscription: Subscription) {
            self.base = base
            self.subscription = subscription
        }

        mutating func next() async throws -> UInt8? {
            try await nextBuffer(suggested: 1)?.first
        }

        mutating func nextBuffer(suggested count: Int) async throws -> ArraySlice<UInt8>? {
            while pending.isEmpty {
                guard let chunk = await base.next() else { return nil }
                pending = chunk[...]
            }
            let taken = pending.prefix(Swift.max(count, 1))
            pending = pending.dropFirst(taken.count)
            return taken
        }
    }

    /// Unsubscribes from the hub when the last reference goes, i.e. when the connection is gone.
    fileprivate final class Subscription: Sendable {
        let id: Int
        let hub: LiveReloadHub

        init(id: Int, hub: LiveReloadHub) {
            self.id = id
            self.hub = hub
        }

        deinit {
            let (id, hub) = (id, hub)
            Task { await hub.unsubscribe(id) }
        }
    }
}
