import Foundation

/// Paths of files in the package, found from this source file.
enum TestFiles {
    /// The package root: the first folder above this file holding `Package.swift`.
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url = url.deletingLastPathComponent()
        }
        return url
    }()

    /// A file under the package root, as text (empty when missing, so the test fails on content).
    static func text(_ relativePath: String) -> String {
        (try? String(contentsOf: packageRoot.appendingPathComponent(relativePath), encoding: .utf8)) ?? ""
    }

    /// Whether a file exists under the package root.
    static func exists(_ relativePath: String) -> Bool {
        FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent(relativePath).path)
    }

    /// Names of the folders directly inside a folder under the package root, sorted.
    static func folders(in relativePath: String) -> [String] {
        let url = packageRoot.appendingPathComponent(relativePath)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.sorted()
    }
}
