import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The machine's floor for a build: the least any generator must do with this corpus and this output.
/// Reading the inputs, and writing the output tree (the same folders and bytes as dossier's) with one
/// `mkdir` per folder and one `open`/`write`/`close` per file, on one thread. cmark-gfm alone is measured
/// beside it in `SizeBench`.
struct Floor {
    /// A site held in memory: its folders (parents first) and files, relative to its root.
    struct Tree {
        var folders: [String]
        var files: [(path: String, bytes: [UInt8])]
        var byteCount: Int { files.reduce(0) { $0 + $1.bytes.count } }

        /// The same folders, and files of the same names and bytes.
        func isIdentical(to other: Tree) -> Bool {
            folders == other.folders && files.count == other.files.count
                && zip(files, other.files).allSatisfy { $0.path == $1.path && $0.bytes == $1.bytes }
        }
    }

    /// Reads every file under `root` (not timed).
    static func load(_ root: String) -> Tree {
        var folders: [String] = []
        var files: [(String, [UInt8])] = []
        func walk(_ relative: String) {
            let folder = relative.isEmpty ? root : root + "/" + relative
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
            for name in names {
                let child = relative.isEmpty ? name : relative + "/" + name
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: root + "/" + child, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    folders.append(child)
                    walk(child)
                } else if let data = FileManager.default.contents(atPath: root + "/" + child) {
                    files.append((child, [UInt8](data)))
                }
            }
        }
        walk("")
        return Tree(folders: folders, files: files)
    }

    /// Reads every file of `paths` with plain `open`/`read`; returns the bytes read.
    static func read(_ paths: [String]) -> Int {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var total = 0
        for path in paths {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { continue }
            while true {
                let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
                if count <= 0 { break }
                total += count
            }
            close(descriptor)
        }
        return total
    }

    /// Writes `tree` under `root` (which must not exist): one mkdir per folder, one open/write/close per file.
    static func write(_ tree: Tree, to root: String) {
        mkdir(root, 0o755)
        for folder in tree.folders { mkdir(root + "/" + folder, 0o755) }
        for file in tree.files {
            let descriptor = open(root + "/" + file.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { continue }
            file.bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count, let base = buffer.baseAddress {
                    let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
                    if written <= 0 { break }
                    offset += written
                }
            }
            close(descriptor)
        }
    }

    /// User plus system CPU seconds of the calling thread (`getrusage(RUSAGE_THREAD)`): kernel time of
    /// file writes included, which `CLOCK_THREAD_CPUTIME_ID` also counts but without the split.
    static func threadCPU() -> Double {
        var usage = rusage()
        getrusage(1, &usage)  // RUSAGE_THREAD, which Glibc does not export
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// Wall and CPU seconds of `body` on this thread.
    static func time(_ body: () -> Void) -> (wall: Double, cpu: Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let cpuStart = threadCPU()
        body()
        return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, threadCPU() - cpuStart)
    }
}
