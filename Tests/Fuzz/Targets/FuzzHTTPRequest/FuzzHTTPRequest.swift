import PreviewHTTP
@testable import PreviewServer

// The preview's request reading. The first byte picks a read size; the rest is what a client sends.
// Framing must give the same heads and refusals whether the bytes come in one read or in many;
// every parsed head must be well formed; every refusal must carry one of the statuses it may;
// and a target the preview accepts must name a path inside the site that survives a round trip.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTTPRequest(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let readSize = Int(data[0] % 64) + 1
    let stream = UnsafeBufferPointer(start: data + 1, count: size - 1)
    let whole = frame(stream, readSize: max(stream.count, 1))
    let pieces = frame(stream, readSize: readSize)
    precondition(whole == pieces, "framing depends on read boundaries")
    return 0
}

private enum Step: Equatable {
    case head([UInt8])
    case refused(Int)
}

private func frame(_ stream: UnsafeBufferPointer<UInt8>, readSize: Int) -> [Step] {
    var framer = RequestHeadFramer()
    var steps: [Step] = []
    var offset = 0
    while offset < stream.count {
        let end = min(offset + readSize, stream.count)
        framer.append(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: stream[offset..<end])))
        offset = end
        while true {
            switch framer.next() {
            case .incomplete:
                break
            case .head(let bytes):
                precondition(bytes.count <= RequestHeadFramer.maximumHead, "a head over the limit was handed out")
                check(bytes)
                steps.append(.head(Array(bytes)))
                continue
            case .refused(let error):
                precondition([400, 414, 431].contains(error.status.code), "framing refused with \(error.status.code)")
                steps.append(.refused(error.status.code))
                return steps
            }
            break
        }
    }
    return steps
}

private func check(_ bytes: ArraySlice<UInt8>) {
    let head: HTTPRequestHead
    do {
        head = try HTTPRequestHead(parsing: bytes)
    } catch {
        precondition([400, 431, 505].contains(error.status.code), "parsing refused with \(error.status.code)")
        return
    }
    precondition(!head.method.isEmpty && !head.target.isEmpty, "empty method or target")
    precondition(head.target.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }, "target with spaces or controls")
    precondition(head.headers.count <= HTTPRequestHead.maximumHeaderCount, "too many headers accepted")
    for (name, value) in head.headers {
        precondition(!name.isEmpty && name == name.lowercased(), "header name not lowercased")
        precondition(!value.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0 }), "line break or NUL in a header value")
        precondition(value.first != " " && value.last != " ", "header value not trimmed")
    }
    if head.minorVersion >= 1 {
        precondition(head.headers.filter { $0.name == "host" }.count == 1, "HTTP/1.1 without exactly one Host")
    }
    guard let path = try? RequestPath(target: String(head.path)) else { return }
    for segment in path.segments {
        precondition(segment != "." && segment != ".." && !segment.isEmpty, "dot or empty segment accepted")
        precondition(!segment.contains(where: { $0 == "/" || $0 == "\\" || $0 == "\0" }), "separator or NUL in a segment")
    }
    precondition((try? RequestPath(target: path.encoded)) == path, "encoded path does not round-trip")
}
