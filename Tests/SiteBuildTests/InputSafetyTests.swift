import DossierCore
import Foundation
@testable import SiteBuild
import Testing

/// Inputs that are not plain files inside the project: links leaving their folder, pipes, devices,
/// names that are not UTF-8. Each is a located error in plain words, and nothing from outside is published.
@Suite struct InputSafetyTests {
    private let scratch: String

    init() throws {
        scratch = try Fixtures.temporaryDirectory()
        let manager = FileManager.default
        try manager.copyItem(atPath: Fixtures.root.appendingPathComponent("sites/basic/content").path, toPath: scratch + "/content")
        try manager.copyItem(atPath: Fixtures.minimalTemplates, toPath: scratch + "/templates")
        try manager.createDirectory(atPath: scratch + "/elsewhere", withIntermediateDirectories: true)
        try Data("secret".utf8).write(to: URL(fileURLWithPath: scratch + "/elsewhere/secret.txt"))
    }

    private func build() -> BuildResult {
        let options = BuildOptions(contentDirectory: "content", templatesDirectory: "templates", outputDirectory: "site")
        return SiteBuilder(options: options, fileSystem: .disk(root: scratch)).build()
    }

    private func link(_ path: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: scratch + "/" + path, withDestinationPath: destination)
    }

    private func errors(_ result: BuildResult) -> [String] {
        result.diagnostics.filter { $0.severity == .error }.map(\.description)
    }

    private static let outside = "through a symlink: dossier publishes only files inside the project, so copy the file in instead of linking to it"

    @Test func linksInsideTheirFolderAreFollowed() throws {
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try link("content/commentary/same-look.md", to: "first-look.md")
        try link("templates/assets/copy.html", to: "../base.html")
        let result = build()
        #expect(errors(result) == [])
        #expect(result.files.contains { $0.path == "commentary/same-look/index.html" })
    }

    @Test func aLinkedFileOutsideTheContentFolderIsRefused() throws {
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try link("content/briefs/leak.txt", to: scratch + "/elsewhere/secret.txt")
        let result = build()
        #expect(errors(result) == ["content/briefs/leak.txt:1:1: error: leads outside the 'content' folder " + Self.outside])
        #expect(result.files.isEmpty)
    }

    @Test func aLinkedFolderOutsideTheTemplatesOrContentIsRefused() throws {
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try link("templates/assets/elsewhere", to: scratch + "/elsewhere")
        try FileManager.default.removeItem(atPath: scratch + "/content/pages")
        try FileManager.default.createDirectory(atPath: scratch + "/elsewhere/pages", withIntermediateDirectories: true)
        try link("content/pages", to: "../elsewhere/pages")
        #expect(errors(build()) == [
            "content/pages:1:1: error: leads outside the 'content' folder " + Self.outside,
            "templates/assets/elsewhere:1:1: error: leads outside the 'templates' folder " + Self.outside,
        ])
    }

    /// A named pipe would block the build forever; it is refused at once.
    @Test func aNamedPipeIsRefusedWithoutWaiting() throws {
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        #expect(mkfifo(scratch + "/content/commentary/pipe.md", 0o644) == 0)
        #expect(errors(build()) == ["content/commentary/pipe.md:1:1: error: is a named pipe (FIFO), not a file: dossier reads only ordinary files; remove it"])
    }

    @Test func aDeviceIsRefusedRatherThanReadForever() {
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        do {
            _ = try FileSystem.disk.readFile("/dev/zero")
            Issue.record("/dev/zero was read")
        } catch {
            #expect("\(error)" == "/dev/zero: is a device, not a file: dossier reads only ordinary files; remove it")
        }
    }

    @Test func aNameThatIsNotUTF8IsNamedInTheError() throws {
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let name = Array((scratch + "/content/commentary/caf").utf8) + [0xE9] + Array(".md".utf8) + [0]
        let descriptor = open(name.map { CChar(bitPattern: $0) }, O_CREAT | O_WRONLY, 0o644)
        #expect(descriptor >= 0)
        close(descriptor)
        #expect(errors(build()) == ["content/commentary:1:1: error: holds a file whose name is not UTF-8 ('caf\u{FFFD}.md'): rename it (web addresses need UTF-8 names)"])
    }
}
