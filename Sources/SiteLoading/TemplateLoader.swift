import DossierCore
import Templating

/// Reads `templates/**/*.html` into a compiled library, and lists `templates/assets/` to copy.
public struct TemplateLoader: Sendable {
    /// The `templates/` folder.
    public var directory: String
    /// The file system to read.
    public var fileSystem: FileSystem

    /// Creates a loader.
    public init(directory: String, fileSystem: FileSystem) {
        self.directory = directory
        self.fileSystem = fileSystem
    }

    /// The compiled templates (nil on errors), the asset files to copy, and problems.
    public struct Result: Sendable {
        public var library: TemplateLibrary?
        public var assets: [OutputFile] = []
        public var diagnostics: [Diagnostic] = []
    }

    /// The templates `cache` holds from an earlier load, or else reads them and keeps them there.
    public func load(cache: inout LoadCache) -> Result {
        let result = cache.templates?.result ?? load()
        cache.templates = (Path.normalize(directory), result)
        return result
    }

    /// Reads and compiles every template.
    public func load() -> Result {
        var result = Result()
        guard fileSystem.kind(directory) == .directory else {
            result.diagnostics.append(.error("templates folder '\(directory)' not found", at: nil))
            return result
        }
        var sources: [TemplateSource] = []
        collect(directory: directory, relative: "", sources: &sources, result: &result)
        guard !result.diagnostics.containsErrors else { return result }
        do {
            result.library = try TemplateLibrary(sources: sources)
        } catch {
            result.diagnostics.append(error.diagnostic)
        }
        return result
    }

    /// Walks the folder; a folder seen twice (a symlink loop) is reported, not followed.
    private func collect(directory: String, relative: String, sources: inout [TemplateSource], result: inout Result, depth: Int = 0) {
        guard depth < 16 else {
            result.diagnostics.append(.error("folders nested too deeply (a symlink loop?)", at: SourceLocation(path: directory, line: 1, column: 1)))
            return
        }
        let names: [String]
        do {
            names = try fileSystem.listDirectory(directory).sorted()
        } catch {
            result.diagnostics.append(.unreadable(error, at: directory))
            return
        }
        for name in names where !IgnoredFiles.contains(name) {
            let path = Path.join(directory, name)
            let relativePath = Path.join(relative, name)
            if fileSystem.kind(path) == .directory {
                collect(directory: path, relative: relativePath, sources: &sources, result: &result, depth: depth + 1)
            } else if relativePath.hasPrefix("assets/") {
                do {
                    result.assets.append(OutputFile(path: relativePath, bytes: try fileSystem.readFile(path)))
                } catch {
                    result.diagnostics.append(.unreadable(error, at: path))
                }
            } else if Path.pathExtension(of: name) == "html" {
                guard let text = fileSystem.readText(path, diagnostics: &result.diagnostics) else { continue }
                let templateName = String(relativePath.dropLast(".html".count))
                sources.append(TemplateSource(name: templateName, path: path, text: text))
            }
        }
    }
}
