import DossierCore
import Foundation
import SiteBuild

/// Builds a small site held in memory, with the minimal fixture templates.
enum AuthoringSite {
    static let siteYML = "title: T\nbase_url: https://example.org/\n"

    static func build(_ files: [String: String], binary: [String: [UInt8]] = [:], drafts: Bool = false) -> BuildResult {
        var all = binary
        for (path, text) in files { all[path] = Array(text.utf8) }
        if all["content/site.yml"] == nil { all["content/site.yml"] = Array(siteYML.utf8) }
        for (path, bytes) in Fixtures.tree(at: Fixtures.minimalTemplates) { all["templates/" + path] = bytes }
        let options = BuildOptions(contentDirectory: "content", templatesDirectory: "templates", outputDirectory: "site", includesDrafts: drafts, jobs: 1)
        return SiteBuilder(options: options, fileSystem: .inMemory(bytes: all)).build()
    }

    static func messages(_ result: BuildResult, _ severity: Severity) -> [String] {
        result.diagnostics.filter { $0.severity == severity }.map(\.description)
    }

    static func file(_ result: BuildResult, _ path: String) -> String? {
        result.files.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }
}
