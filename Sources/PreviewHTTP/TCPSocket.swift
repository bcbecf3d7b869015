#if canImport(Darwin)
import Darwin
#else
import Glibc
#endif

/// A socket call that failed, with the system's reason.
package struct SocketError: Error, CustomStringConvertible {
    package var description: String
    /// The system's error number.
    package var code: Int32

    /// Whether another socket already holds the address (the port is taken).
    package var isAddressInUse: Bool { code == EADDRINUSE }

    /// The failed call and `errno`'s text.
    init(_ call: String, errno code: Int32) {
        description = "\(call): \(String(cString: strerror(code)))"
        self.code = code
    }
}

/// A numeric IPv4 or IPv6 address and a port, ready for `bind`.
package struct ListenAddress: Sendable {
    fileprivate enum Storage: Sendable {
        case ip4(sockaddr_in)
        case ip6(sockaddr_in6)
    }

    fileprivate let storage: Storage

    /// Parses `host` as a numeric address (`localhost` means 127.0.0.1); nil when it is not one.
    package init?(host: String, port: UInt16) {
        let numeric = host == "localhost" ? "127.0.0.1" : host
        if numeric.contains(":") {
            var address = sockaddr_in6()
            guard inet_pton(AF_INET6, numeric, &address.sin6_addr) == 1 else { return nil }
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = port.bigEndian
            storage = .ip6(address)
        } else {
            var address = sockaddr_in()
            guard inet_pton(AF_INET, numeric, &address.sin_addr) == 1 else { return nil }
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            storage = .ip4(address)
        }
    }

    fileprivate var family: Int32 {
        switch storage {
        case .ip4: AF_INET
        case .ip6: AF_INET6
        }
    }

    fileprivate func withSockaddr<T>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
        switch storage {
        case .ip4(var address):
            withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        case .ip6(var address):
            withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
            }
        }
    }
}

/// A bound, listening TCP socket.
final class ListeningSocket: Sendable {
    /// The file descriptor (tests check its flags).
    let descriptor: Int32
    /// The port actually bound (the system's choice when 0 was asked for).
    let port: UInt16

    /// Binds and listens; throws with the system's reason (address in use, permission denied…).
    init(address: ListenAddress, backlog: Int32 = 128) throws(SocketError) {
        let descriptor = socket(address.family, streamSocketType, 0)
        guard descriptor >= 0 else { throw SocketError("socket", errno: errno) }
        closeOnExec(descriptor)
        // Restarting the preview must not wait for the old connections' TIME_WAIT.
        var reuse: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        let bound = address.withSockaddr { bind(descriptor, $0, $1) }
        guard bound == 0, listen(descriptor, backlog) == 0 else {
            let code = errno
            close(descriptor)
            throw SocketError("bind", errno: code)
        }
        var local = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let named = withUnsafeMutablePointer(to: &local) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard named == 0 else {
            let code = errno
            close(descriptor)
            throw SocketError("getsockname", errno: code)
        }
        self.descriptor = descriptor
        let family = Int32(local.ss_family)
        self.port = withUnsafePointer(to: &local) { pointer in
            if family == AF_INET6 {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
            }
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
        }
    }

    deinit { close(descriptor) }

    /// Waits up to `milliseconds` for a connection; nil when none came (so the caller can check for stop).
    func accept(waitingAtMost milliseconds: Int32) -> ConnectedSocket? {
        var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&ready, 1, milliseconds) > 0 else { return nil }
        #if canImport(Darwin)
        let client = Darwin.accept(descriptor, nil, nil)
        #else
        let client = Glibc.accept(descriptor, nil, nil)
        #endif
        guard client >= 0 else {
            // Out of descriptors, the listener stays readable: pause instead of spinning on poll.
            if errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM { usleep(50_000) }
            return nil
        }
        closeOnExec(client)
        return ConnectedSocket(descriptor: client)
    }
}

/// One accepted connection; reads and writes wake up every `tick` so callers can honour deadlines.
final class ConnectedSocket: @unchecked Sendable {
    // Unchecked: one connection thread reads and writes; `shutDown` may come from another and only wakes it.
    /// The file descriptor (tests check its flags).
    let descriptor: Int32
    private var isClosed = false

    /// How long one blocking call may wait before returning control to the caller.
    static let tick = timeval(tv_sec: 0, tv_usec: 250_000)

    fileprivate init(descriptor: Int32) {
        self.descriptor = descriptor
        var tick = Self.tick
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &tick, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &tick, socklen_t(MemoryLayout<timeval>.size))
        var on: Int32 = 1
        // Responses are written whole; waiting to coalesce them only adds latency.
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        #if canImport(Darwin)
        setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }

    deinit { closeNow() }

    /// What one read gave.
    enum ReadResult {
        /// Bytes arrived.
        case bytes(Int)
        /// Nothing within one tick.
        case idle
        /// The peer closed or reset the connection, or it was shut down.
        case closed
    }

    /// Reads up to `buffer.count` bytes into `buffer`, waiting at most one tick.
    func read(into buffer: UnsafeMutableRawBufferPointer) -> ReadResult {
        while true {
            let count = recv(descriptor, buffer.baseAddress, buffer.count, 0)
            if count > 0 { return .bytes(count) }
            if count == 0 { return .closed }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .idle
            default: return .closed
            }
        }
    }

    /// Writes every byte unless the peer goes away, the socket is shut down, or `deadline` passes.
    func writeAll(_ bytes: [UInt8], deadline: ContinuousClock.Instant) -> Bool {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let count = send(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset, noSignal)
                if count > 0 {
                    offset += count
                    continue
                }
                guard count < 0, errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK,
                      ContinuousClock.now < deadline
                else { return false }
            }
            return true
        }
    }

    /// Stops sending (the peer sees the end of the response) while still letting us read.
    func finishWriting() {
        shutdown(descriptor, Int32(SHUT_WR))
    }

    /// Wakes any blocked read or write on this connection with "closed"; safe from another thread.
    func shutDown() {
        shutdown(descriptor, Int32(SHUT_RDWR))
    }

    /// Releases the descriptor (once).
    func closeNow() {
        guard !isClosed else { return }
        isClosed = true
        close(descriptor)
    }
}

/// Keeps a socket out of child processes (`dossier serve --open` starts a browser, which must not
/// inherit the port and hold it after dossier exits).
private func closeOnExec(_ descriptor: Int32) {
    _ = fcntl(descriptor, F_SETFD, fcntl(descriptor, F_GETFD) | FD_CLOEXEC)
}

#if canImport(Darwin)
private let streamSocketType = SOCK_STREAM
private let noSignal: Int32 = 0
#else
private let streamSocketType = Int32(SOCK_STREAM.rawValue)
private let noSignal = Int32(MSG_NOSIGNAL)
#endif
