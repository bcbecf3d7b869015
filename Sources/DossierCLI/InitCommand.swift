import ArgumentParser
import DossierCore
import Foundation

/// `dossier init [DIR]`: a minimal site (settings, a sample brief, commentary that cites it, an author,
/// the standard templates) that builds and passes `dossier check --strict` as it is.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new site in DIR (default: the current folder), which must be empty or missing.",
        discussion: "Writes content/ (site.yml, a home page, an about page, a sample brief with a topic, a commentary piece and its author) and templates/ (the standard templates and assets, carried inside dossier). Then: cd DIR && dossier build."
    )

    @Argument(help: "The folder to create the site in (created when missing; must be empty).")
    var directory = "."

    func run() throws {
        try Self.refuseNonEmpty(directory)
        var written: [String] = []
        for (path, text) in InitSample.files(today: NewCommand.today()) {
            try write(Array(text.utf8), to: Path.join("content", path))
            written.append(Path.join("content", path))
        }
        for file in DefaultTemplates.files {
            guard let data = Data(base64Encoded: file.base64) else {
                throw ValidationError("the templates inside this dossier are damaged (\(file.path)); reinstall dossier")
            }
            try write(Array(data), to: Path.join("templates", file.path))
        }
        let shown = directory == "." ? "this folder" : directory
        print("created a site in \(shown): \(written.count) content files and \(DefaultTemplates.files.count) template files")
        print("next: \(directory == "." ? "" : "cd \(directory) && ")dossier build   (or dossier serve to preview; dossier check --strict to check)")
    }

    /// Refuses a folder that holds anything but a `.git` folder, so `init` never mixes with or overwrites files.
    static func refuseNonEmpty(_ directory: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else {
            throw Refusal(description: "\(directory) is a file, not a folder: give init a new or empty folder")
        }
        let entries = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0 != ".git" }
        guard entries.isEmpty else {
            let names = entries.sorted().prefix(3).joined(separator: ", ") + (entries.count > 3 ? ", …" : "")
            throw Refusal(description: "\(directory == "." ? "this folder" : directory) is not empty (it holds \(names)): init writes only into a new or empty folder, so it never overwrites your files; give it a new folder name, e.g. dossier init my-site")
        }
    }

    /// Why init will not write here: printed as it is, without the usage text a mistyped option gets.
    struct Refusal: Error, CustomStringConvertible {
        var description: String
    }

    private func write(_ bytes: [UInt8], to relative: String) throws {
        let path = Path.join(directory, relative)
        try FileManager.default.createDirectory(atPath: Path.parent(of: path), withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
}
