import DossierCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The list of files the last build wrote, kept in the output folder: a build replaces or removes only
/// these, so nothing a person put there is ever deleted.
enum OutputManifest {
    /// Its name inside the output folder.
    static let fileName = ".dossier-manifest"
    private static let header = "# Files dossier wrote here; a build replaces or removes only these. Do not edit."

    /// The manifest's bytes for `paths` (sorted, so the same site gives the same bytes).
    static func encode(_ paths: Set<String>) -> [UInt8] {
        encode(sorted: paths.sorted())
    }

    /// The manifest's bytes for `paths`, already sorted (and without repeats).
    static func encode(sorted paths: [String]) -> [UInt8] {
        var text = header + "\n"
        for path in paths {
            // Most paths need no escape; checking bytes first keeps a 40,000-file manifest cheap.
            guard path.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) else {
                text += path + "\n"
                continue
            }
            text += path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r") + "\n"
        }
        return Array(text.utf8)
    }

    /// The paths in a manifest's bytes; nil when they are not a manifest.
    static func decode(_ bytes: [UInt8]) -> Set<String>? {
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard lines.first.map(String.init) == header else { return nil }
        lines.removeFirst()
        var paths: Set<String> = []
        for line in lines {
            var path = ""
            var escaped = false
            for character in line {
                if escaped {
                    path.append(character == "n" ? "\n" : character == "r" ? "\r" : character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else {
                    path.append(character)
                }
            }
            paths.insert(path)
        }
        return paths
    }

    /// Reads the manifest of the output folder `root`; nil when there is none (or it is not one).
    static func read(in root: String) -> Set<String>? {
        guard let data = FileManager.default.contents(atPath: root + "/" + fileName) else { return nil }
        return decode([UInt8](data))
    }

    /// Replaces the manifest in one rename, so it is never half written.
    static func write(_ paths: Set<String>, in root: String) throws(DiagnosticError) {
        try write(sorted: paths.sorted(), in: root)
    }

    /// `write` for paths already sorted.
    static func write(sorted paths: [String], in root: String) throws(DiagnosticError) {
        let temporary = root + "/" + fileName + ".tmp-\(getpid())"
        if let code = DiskIO.writeNewFile(temporary, encode(sorted: paths)) {
            unlink(temporary)
            throw DiagnosticError(.error("cannot write the list of built files in '\(root)': \(DiskIO.reason(code))", at: nil))
        }
        guard rename(temporary, root + "/" + fileName) == 0 else {
            let code = errno
            unlink(temporary)
            throw DiagnosticError(.error("cannot write the list of built files in '\(root)': \(DiskIO.reason(code))", at: nil))
        }
    }
}

/// What an existing output folder holds, found by walking it without following links.
struct OutputContents {
    /// Relative paths of everything that is not a folder (files, links, anything else).
    var files: Set<String> = []
    /// Relative paths of the folders below the root.
    var folders: Set<String> = []
    /// Entries whose names are not UTF-8 (never written by dossier), as printable paths.
    var unreadableNames: [String] = []

    /// Walks `root` (which must be a folder).
    init(root: String) {
        walk(root: root, relative: "")
    }

    var isEmpty: Bool { files.isEmpty && folders.isEmpty && unreadableNames.isEmpty }

    private mutating func walk(root: String, relative: String) {
        let folder = relative.isEmpty ? root : root + "/" + relative
        for raw in DiskIO.names(in: Array(folder.utf8CString)) {
            guard let name = String(validating: raw, as: UTF8.self) else {
                unreadableNames.append(Path.join(relative, String(decoding: raw, as: UTF8.self)))
                continue
            }
            let path = Path.join(relative, name)
            if relative.isEmpty, name == OutputManifest.fileName { continue }
            if DiskIO.kind(root + "/" + path) == S_IFDIR {
                folders.insert(path)
                walk(root: root, relative: path)
            } else {
                files.insert(path)
            }
        }
    }

    /// What is here that `allowed` (a set of file paths) does not account for, top-most entries first
    /// (a foreign folder is named, not everything in it); folders end in `/`.
    func foreign(allowed: Set<String>) -> [String] {
        var neededFolders: Set<String> = []
        for path in allowed {
            var parent = Path.parent(of: path)
            while !parent.isEmpty, neededFolders.insert(parent).inserted { parent = Path.parent(of: parent) }
        }
        let foreignFolders = folders.subtracting(neededFolders)
        func underForeignFolder(_ path: String) -> Bool {
            var parent = Path.parent(of: path)
            while !parent.isEmpty {
                if foreignFolders.contains(parent) { return true }
                parent = Path.parent(of: parent)
            }
            return false
        }
        var found = files.subtracting(allowed).filter { !underForeignFolder($0) }.map { $0 }
        found += foreignFolders.filter { !underForeignFolder($0) }.map { $0 + "/" }
        found += unreadableNames.filter { !underForeignFolder($0) }
        return found.sorted()
    }

    /// The refusal for `foreign` entries of the output folder `directory`, naming a few of them.
    static func refusal(_ foreign: [String], directory: String) -> DiagnosticError {
        let named = foreign.prefix(3).map { "'\($0)'" }.joined(separator: ", ")
        let more = foreign.count > 3 ? " and \(foreign.count - 3) more" : ""
        return DiagnosticError(.error(
            "output folder '\(directory)' holds files dossier did not write (\(named)\(more)); refusing to build into it, "
                + "so they are neither deleted nor published: move them out of it, or pass another --output",
            at: nil
        ))
    }
}
