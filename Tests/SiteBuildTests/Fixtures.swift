import DossierCore
import Foundation
import SiteBuild
import SiteFixtures

/// Locations of test fixtures and helpers to read and compare folders.
enum Fixtures {
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let minimalTemplates = root.appendingPathComponent("templates-minimal").path
    static var isRecording: Bool { ProcessInfo.processInfo.environment["DOSSIER_RECORD"] == "1" }

    /// Sub-folders of a fixture folder that hold a `content/` folder, sorted.
    static func cases(in folder: String) -> [String] {
        let url = root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: url.path + "/" + $0 + "/content") }.sorted()
    }

    /// Build options for a fixture case: its own templates if it has them, else the minimal set.
    static func options(caseDirectory: String, output: String = "site", jobs: Int = 0) -> BuildOptions {
        let templates = FileManager.default.fileExists(atPath: caseDirectory + "/templates") ? "templates" : minimalTemplates
        return BuildOptions(contentDirectory: "content", templatesDirectory: templates, outputDirectory: output, jobs: jobs)
    }

    /// Every file under `directory`, by relative path (but the writer's manifest, which `SiteWriterTests` check).
    static func tree(at directory: String) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return files }
        while let relative = enumerator.nextObject() as? String {
            if relative == ".dossier-manifest" { continue }
            let path = directory + "/" + relative
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
               let data = FileManager.default.contents(atPath: path)
            {
                files[relative] = [UInt8](data)
            }
        }
        return files
    }

    /// Replaces `directory` with `files`.
    static func record(_ files: [OutputFile], into directory: String) throws {
        try? FileManager.default.removeItem(atPath: directory)
        for file in files {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.bytes).write(to: url)
        }
    }

    /// A fresh temporary folder.
    static func temporaryDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }
}

extension Fixtures {
    /// The minimal templates as in-memory files under `templates/`, for sites built in memory.
    static func inMemoryTemplates() throws -> [String: String] {
        var files: [String: String] = [:]
        for (relative, bytes) in tree(at: minimalTemplates) {
            files["templates/" + relative] = String(decoding: bytes, as: UTF8.self)
        }
        return files
    }
}

extension Fixtures {
    /// Builds a base-site case: in memory, or from a temporary copy on disk when it holds symlinks;
    /// written to `output` (an absolute path) when given.
    static func build(_ site: SiteCase, writingTo output: String? = nil) throws -> BuildResult {
        var fileSystem = FileSystem.inMemory(bytes: site.files)
        var folder: String?
        if site.needsDisk {
            let directory = try temporaryDirectory()
            try site.write(to: directory)
            fileSystem = .disk(root: directory)
            folder = directory
        }
        defer { if let folder { try? FileManager.default.removeItem(atPath: folder) } }
        let options = BuildOptions(contentDirectory: "content", templatesDirectory: "templates", outputDirectory: output ?? "site")
        let builder = SiteBuilder(options: options, fileSystem: fileSystem)
        return output == nil ? builder.build() : builder.buildAndWrite()
    }
}
