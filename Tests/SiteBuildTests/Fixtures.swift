import DossierCore
import Foundation
import SiteBuild

/// Locations of test fixtures and helpers to read and compare folders.
enum Fixtures {
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let minimalTemplates = root.appendingPathComponent("templates-minimal").path
    static var isRecording: Bool { ProcessInfo.processInfo.environment["DOSSIER_RECORD"] == "1" }

    /// Sub-folders of a fixture folder, sorted.
    static func cases(in folder: String) -> [String] {
        let url = root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.hasPrefix("_") }.sorted()
    }

    /// Build options for a fixture case: its own templates if it has them, else the minimal set.
    static func options(caseDirectory: String, output: String = "site", jobs: Int = 0) -> BuildOptions {
        let manager = FileManager.default
        var templates = "templates"
        if !manager.fileExists(atPath: caseDirectory + "/templates") {
            templates = manager.fileExists(atPath: caseDirectory + "/no-templates") ? "templates" : minimalTemplates
        }
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
