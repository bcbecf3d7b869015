#if canImport(Darwin)
import Darwin
#else
import Glibc
#endif
import Foundation

/// Why a test socket operation failed.
struct LoopbackSocketError: Error, CustomStringConvertible {
    var description: String
}

/// A blocking TCP socket to 127.0.0.1, used off the concurrency pool so the server keeps running.
///
/// Raw bytes are needed to send paths (`..`, `%2e%2e`, NUL) that URL clients would normalize away.
final class LoopbackSocket: @unchecked Sendable {
    // Unchecked: each test drives its socket from one task, one call at a time.
    private let descriptor: Int32
    private var isClosed = false

    /// Connects to the port with per-call send and receive timeouts of 100 ms.
    init(port: UInt16) throws {
        #if canImport(Darwin)
        descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #else
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #endif
        guard descriptor >= 0 else {
            isClosed = true
            throw LoopbackSocketError(description: "socket() failed")
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        // Through `closeNow`: the object is whole, so its deinit runs after the throw, and a second
        // close(2) of a number another thread has reused closed that thread's file (the EBADF in
        // CommandTests and the unanswered requests of PathSafetyTests).
        guard result == 0 else {
            closeNow()
            throw LoopbackSocketError(description: "connect to port \(port) failed: \(String(cString: strerror(errno)))")
        }
        // The timeouts only after connecting: SO_SNDTIMEO also bounds connect(2), which under load
        // gave up after 100 ms while the server's backlog was full.
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { closeNow() }

    /// Closes the connection (the server should notice on its next write).
    func closeNow() {
        guard !isClosed else { return }
        isClosed = true
        close(descriptor)
    }

    /// Sends every byte, giving up at the deadline.
    func send(_ bytes: [UInt8], deadline: ContinuousClock.Instant) throws {
        var sent = 0
        while sent < bytes.count {
            guard ContinuousClock.now < deadline else { throw LoopbackSocketError(description: "send timed out") }
            let count = bytes[sent...].withUnsafeBytes { raw in
                #if canImport(Darwin)
                Darwin.send(descriptor, raw.baseAddress, raw.count, 0)
                #else
                Glibc.send(descriptor, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL))
                #endif
            }
            if count < 0 {
                if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { continue }
                throw LoopbackSocketError(description: "send failed: errno \(errno)")
            }
            sent += count
        }
    }

    /// Receives what is available: bytes, an empty array at end of stream, nil when nothing came in 100 ms.
    func receive() throws -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        let count = buffer.withUnsafeMutableBytes { raw in
            recv(descriptor, raw.baseAddress, raw.count, 0)
        }
        if count < 0 {
            if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { return nil }
            // A reset is how the server may refuse a request; treat it as the end of the stream.
            if errno == ECONNRESET { return [] }
            throw LoopbackSocketError(description: "recv failed: errno \(errno)")
        }
        return Array(buffer[0..<count])
    }
}

/// Runs blocking work on a fresh thread so the cooperative pool (and the server on it) stays free.
func runBlocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            continuation.resume(with: Result { try work() })
        }
        thread.start()
    }
}
