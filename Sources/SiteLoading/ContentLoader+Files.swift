import DossierCore

/// A file under `content/` published as it is: from `content/static/`, or beside a bundle's `index.md`.
public struct CopiedFile: Sendable, Hashable {
    /// Where it is read.
    public var sourcePath: String
    /// Where it is written in the site.
    public var outputPath: String
    /// Its bytes.
    public var bytes: [UInt8]
    /// Width and height, for the image formats whose headers dossier reads.
    public var imageSize: ImageSize?
}

extension ContentLoader {
    /// What `content/` may hold at its top level; anything else is named in a warning.
    static let topLevelEntries: Set<String> = ["site.yml", "index.md", "briefs", "pages", "topics", "commentary", "static", "authors"]

    /// Where Markdown is read, for the warnings about files that are not.
    static let whereMarkdownIsRead =
        "Markdown is read only from content/index.md, content/commentary/, content/topics/, content/pages/ and content/authors/ "
        + "(as <slug>.md, or <slug>/index.md with its files beside it); files to publish as they are go in content/static/"

    /// Every file below `folder` (hidden and scratch files left out), sorted, as paths.
    func filesBelow(_ folder: String, diagnostics: inout [Diagnostic]) -> [String] {
        let names: [String]
        do {
            names = try fileSystem.listDirectory(folder).sorted()
        } catch {
            diagnostics.append(.error("\(error)", at: SourceLocation(path: folder, line: 1, column: 1)))
            return []
        }
        var result: [String] = []
        for name in names where !IgnoredFiles.contains(name) {
            let path = Path.join(folder, name)
            switch fileSystem.kind(path) {
            case .directory?: result += filesBelow(path, diagnostics: &diagnostics)
            case .file?: result.append(path)
            case nil: break
            }
        }
        return result
    }

    /// Warnings for everything at the top of `content/` that nothing reads.
    func unreadTopLevelFiles(diagnostics: inout [Diagnostic]) {
        guard let names = try? fileSystem.listDirectory(directory) else { return }
        for name in names.sorted() where !IgnoredFiles.contains(name) && !Self.topLevelEntries.contains(name) {
            let path = Path.join(directory, name)
            let files = fileSystem.kind(path) == .directory ? filesBelow(path, diagnostics: &diagnostics) : [path]
            for file in files { diagnostics.append(unread(file)) }
        }
    }

    /// The warning for a file nothing reads, saying where it would be.
    func unread(_ path: String) -> Diagnostic {
        let isMarkdown = Path.pathExtension(of: path) == "md"
        let suggestion = isMarkdown
            ? "for a commentary piece move it to \(Path.join(directory, "commentary", Path.stem(of: path) + ".md")); "
            : "to publish it as it is move it into \(Path.join(directory, "static"))/; "
        return .warning("not read: \(suggestion)\(Self.whereMarkdownIsRead)", at: SourceLocation(path: path, line: 1, column: 1))
    }

    /// Everything in `content/static/`, published at the same path under the site's root.
    func staticFiles(diagnostics: inout [Diagnostic]) -> [CopiedFile] {
        let folder = Path.join(directory, "static")
        guard fileSystem.kind(folder) == .directory else { return [] }
        return filesBelow(folder, diagnostics: &diagnostics).compactMap { path in
            copied(path, to: String(path.dropFirst(folder.count + 1)), diagnostics: &diagnostics)
        }
    }

    /// The files beside a bundle's `index.md`, published beside its page.
    func bundleFiles(of document: ContentDocument, diagnostics: inout [Diagnostic]) -> [CopiedFile] {
        let folder = Path.parent(of: document.sourcePath)
        return filesBelow(folder, diagnostics: &diagnostics).compactMap { path in
            guard path != document.sourcePath else { return nil }
            let relative = String(path.dropFirst(folder.count + 1))
            return copied(path, to: Path.join(document.route.directory, relative), diagnostics: &diagnostics)
        }
    }

    private func copied(_ path: String, to outputPath: String, diagnostics: inout [Diagnostic]) -> CopiedFile? {
        do {
            let bytes = try fileSystem.readFile(path)
            let size = ImageSize.read(bytes, fileExtension: Path.pathExtension(of: path))
            return CopiedFile(sourcePath: path, outputPath: outputPath, bytes: bytes, imageSize: size)
        } catch {
            var message = String(describing: error)
            if message.hasPrefix(path + ": ") { message.removeFirst(path.count + 2) }
            diagnostics.append(.error(message, at: SourceLocation(path: path, line: 1, column: 1)))
            return nil
        }
    }

    /// `content/static/` and every bundle's files, sorted by where they are written.
    public func copiedFiles(for documents: [ContentDocument], diagnostics: inout [Diagnostic]) -> [CopiedFile] {
        var files = staticFiles(diagnostics: &diagnostics)
        for document in documents where Self.isBundleIndex(document.sourcePath) && document.kind != .home {
            files += bundleFiles(of: document, diagnostics: &diagnostics)
        }
        return files.sorted { ($0.outputPath, $0.sourcePath) < ($1.outputPath, $1.sourcePath) }
    }

    /// Every file in a folder of `folder` that has no `index.md`: it is not a bundle, so nothing is read.
    func warnAboutFolderWithoutIndex(_ path: String, in folder: String, diagnostics: inout [Diagnostic]) {
        for file in filesBelow(path, diagnostics: &diagnostics) {
            let hint = Path.pathExtension(of: file) == "md"
                ? "move it to \(Path.join(folder, Path.stem(of: file) + ".md"))"
                : "add \(Path.join(path, "index.md")) to make the folder a page bundle, or move the file into \(Path.join(directory, "static"))/"
            diagnostics.append(.warning(
                "not read: a folder inside \(folder)/ is read only as a page bundle, with an index.md; \(hint)",
                at: SourceLocation(path: file, line: 1, column: 1)
            ))
        }
    }

    /// Whether `path` is a bundle's page: `<folder>/<slug>/index.md`.
    static func isBundleIndex(_ path: String) -> Bool {
        Path.stem(of: path) == "index" && Path.pathExtension(of: path) == "md"
    }
}
