/// A parsed `.case` file: its summary and its sections, in order (format: `Tests/Fixtures/README.md`).
struct CaseArchive {
    /// What one `=== … ===` header asks for.
    enum Change {
        /// The file's whole content (added, or replacing the base's).
        case file(path: String, bytes: [UInt8])
        /// Lines `first...last` (1-based) of a base file replaced by the section's lines.
        case lines(path: String, first: Int, last: Int, bytes: [UInt8])
        /// The base file, or every base file under the folder, taken away.
        case removed(path: String)
        /// A symbolic link to `target`.
        case link(path: String, target: String)
        /// The expected exit status and error lines.
        case expected(exit: Int32, errors: String)
    }

    var name: String
    var summary: String
    var changes: [(line: Int, change: Change)]
    var file: String

    /// Splits the case into sections. A section's content is every line after its header up to the
    /// next header, each line with its newline.
    static func parse(_ bytes: [UInt8], name: String, file: String) throws -> CaseArchive {
        var archive = CaseArchive(name: name, summary: "", changes: [], file: file)
        var header: (line: Int, text: String)?
        var body: [UInt8] = []
        var lineNumber = 0
        func finish() throws {
            if let header {
                archive.changes.append((header.line, try change(header.text, body: body, at: header.line, file: file)))
            } else {
                archive.summary = String(decoding: body, as: UTF8.self)
            }
        }
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast(bytes.last == UInt8(ascii: "\n") ? 1 : 0) {
            lineNumber += 1
            let text = String(decoding: line, as: UTF8.self)
            if text.hasPrefix("=== "), text.hasSuffix(" ===") {
                try finish()
                header = (lineNumber, String(text.dropFirst(4).dropLast(4)))
                body = []
            } else {
                body += line + [UInt8(ascii: "\n")]
            }
        }
        try finish()
        return archive
    }

    /// Reads one header (`path`, `path (flag)`, `path, line N`, `path, lines N-M`, `path -> target`,
    /// `expected errors (exit N)`) with its section's content.
    private static func change(_ header: String, body: [UInt8], at line: Int, file: String) throws -> Change {
        func fail(_ reason: String) -> CaseFormatError { CaseFormatError(file: file, line: line, reason: reason) }
        if header.hasPrefix("expected errors (exit "), header.hasSuffix(")"),
           let status = Int32(header.dropFirst("expected errors (exit ".count).dropLast())
        {
            return .expected(exit: status, errors: String(decoding: body, as: UTF8.self))
        }
        if let arrow = header.range(of: " -> ") {
            guard body.allSatisfy({ $0 == UInt8(ascii: "\n") }) else { throw fail("a link's section has no content") }
            return .link(path: try checkedPath(String(header[..<arrow.lowerBound]), fail), target: String(header[arrow.upperBound...]))
        }
        var spec = header
        var flags: [String] = []
        while spec.hasSuffix(")"), let open = spec.lastIndex(of: "(") {
            flags.append(String(spec[spec.index(after: open)..<spec.index(before: spec.endIndex)]))
            spec = String(spec[..<open]).trimmingTrailingSpaces()
        }
        var content = body
        for flag in flags {
            switch flag {
            case "removed": return .removed(path: try checkedPath(spec, fail))
            case "no final newline":
                guard content.last == UInt8(ascii: "\n") else { throw fail("nothing to remove: the section is empty") }
                content.removeLast()
            case "escaped": content = try unescape(content, fail)
            default: throw fail("unknown flag '(\(flag))': use (removed), (no final newline) or (escaped)")
            }
        }
        if let comma = spec.range(of: ", line") {
            let range = spec[comma.upperBound...].drop { $0 == "s" || $0 == " " }
            let bounds = range.split(separator: "-").compactMap { Int($0) }
            guard (1...2).contains(bounds.count), let first = bounds.first, let last = bounds.last, first >= 1, last >= first else {
                throw fail("'\(spec)': write 'path, line N' or 'path, lines N-M'")
            }
            return .lines(path: try checkedPath(String(spec[..<comma.lowerBound]), fail), first: first, last: last, bytes: content)
        }
        return .file(path: try checkedPath(spec, fail), bytes: content)
    }

    /// A relative path inside the case's folder.
    private static func checkedPath(_ path: String, _ fail: (String) -> CaseFormatError) throws -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.isEmpty, !path.hasPrefix("/"), !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
            throw fail("'\(path)' is not a plain relative path")
        }
        return path
    }

    /// `\xHH` → that byte, `\\` → a backslash; everything else as written.
    private static func unescape(_ bytes: [UInt8], _ fail: (String) -> CaseFormatError) throws -> [UInt8] {
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "\\") else {
                result.append(bytes[index])
                index += 1
                continue
            }
            if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\\") {
                result.append(UInt8(ascii: "\\"))
                index += 2
            } else if index + 3 < bytes.count, bytes[index + 1] == UInt8(ascii: "x"),
                      let byte = UInt8(String(decoding: bytes[index + 2...index + 3], as: UTF8.self), radix: 16)
            {
                result.append(byte)
                index += 4
            } else {
                throw fail("a backslash starts '\\xHH' or '\\\\' in an (escaped) section")
            }
        }
        return result
    }

    /// The base site with this case's changes, in order.
    func apply(to base: [String: [UInt8]]) throws -> SiteCase {
        var site = SiteCase(name: name, summary: summary, files: base, links: [:])
        for (line, change) in changes {
            func fail(_ reason: String) -> CaseFormatError { CaseFormatError(file: file, line: line, reason: reason) }
            switch change {
            case .file(let path, let bytes):
                site.files[path] = bytes
            case .lines(let path, let first, let last, let bytes):
                guard let original = site.files[path] else { throw fail("'\(path)' is not in the base site: give its whole content") }
                var lines = original.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Array($0) + [UInt8(ascii: "\n")] }
                if original.last == UInt8(ascii: "\n") { lines.removeLast() } else { lines[lines.count - 1].removeLast() }
                guard last <= lines.count else { throw fail("'\(path)' has only \(lines.count) lines") }
                lines.replaceSubrange(first - 1...last - 1, with: [bytes])
                site.files[path] = lines.flatMap { $0 }
            case .removed(let path):
                let matching = site.files.keys.filter { $0 == path || $0.hasPrefix(path + "/") }
                guard !matching.isEmpty else { throw fail("'\(path)' is not in the base site") }
                for key in matching { site.files[key] = nil }
            case .link(let path, let target):
                site.links[path] = target
            case .expected(let exit, let errors):
                site.expectedExit = exit
                site.expectedErrors = errors
            }
        }
        return site
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var result = self
        while result.hasSuffix(" ") { result.removeLast() }
        return result
    }
}
