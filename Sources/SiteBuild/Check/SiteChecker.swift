import DossierCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SiteGraph

/// `dossier check`: verifies a built site and the graph behind it.
public struct SiteChecker: Sendable {
    /// The output folder name used in locations of findings inside built files.
    public var outputDirectory: String
    /// The folder source paths are relative to, for findings that point into sources ("": the current one).
    public var sourceRoot = ""
    /// The path of `site.yml` as findings name it.
    public var configPath = "content/site.yml"

    /// Creates a checker.
    public init(outputDirectory: String) {
        self.outputDirectory = outputDirectory
    }

    /// Every finding, sorted: errors for broken output, warnings for content that is probably a mistake.
    public func check(files: [OutputFile], graph: SiteGraph) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let byPath = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        var idsByPath: [String: Set<String>] = [:]
        var links: [(from: String, url: String, offset: Int, bytes: [UInt8])] = []
        for file in files where file.path.hasSuffix(".html") {
            let tags = HTMLScanner.tags(in: file.bytes)
            var ids: Set<String> = []
            for tag in tags {
                if let id = tag.attributes["id"] {
                    if !ids.insert(id).inserted {
                        findings.append(duplicateIDFinding(id, page: file, offset: tag.offset, graph: graph))
                    }
                }
                if let name = tag.attributes["name"], tag.name == "a" { ids.insert(name) }
                for attribute in ["href", "src"] {
                    if let url = tag.attributes[attribute], tag.name != "link" || tag.attributes["rel"] != "canonical" {
                        links.append((file.path, url, tag.offset, file.bytes))
                    }
                }
            }
            idsByPath[file.path] = ids
            findings += checkMetadata(file, tags: tags)
        }
        var lineIndexes: [String: LineIndex] = [:]
        for link in links {
            if let problem = problem(with: link.url, from: link.from, byPath: byPath, idsByPath: idsByPath) {
                let lines = lineIndexes[link.from] ?? LineIndex(String(decoding: link.bytes, as: UTF8.self))
                lineIndexes[link.from] = lines
                findings.append(.error(problem, at: lines.position(ofUTF8Offset: link.offset).located(in: Path.join(outputDirectory, link.from))))
            }
        }
        findings += checkFeedsAndSitemap(byPath: byPath, graph: graph)
        findings += checkContent(graph)
        findings += XMLCharacters.findings(in: graph, configPath: configPath) { [sourceRoot] in try? String(contentsOfFile: Path.join(sourceRoot, $0), encoding: .utf8) }
        return findings.sortedForReport()
    }

    private func checkMetadata(_ file: OutputFile, tags: [HTMLScanner.Tag]) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let start = SourceLocation(path: Path.join(outputDirectory, file.path), line: 1, column: 1)
        if (HTMLScanner.title(in: file.bytes) ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            findings.append(.error("page has no <title>", at: start))
        }
        let description = tags.first { $0.name == "meta" && $0.attributes["name"] == "description" }?.attributes["content"]
        if (description ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            findings.append(.error("page has no description meta tag (give the document a 'summary')", at: start))
        }
        return findings
    }

    /// Why an internal URL does not resolve, or nil when it does (external URLs are not fetched).
    private func problem(with url: String, from page: String, byPath: [String: OutputFile], idsByPath: [String: Set<String>]) -> String? {
        if url.isEmpty { return "empty link" }
        if url.hasPrefix("//") || url.hasPrefix("mailto:") || url.contains("://") { return nil }
        if url.hasPrefix("/") { return "link '\(url)' is absolute from the host root; it breaks under a subpath" }
        let (path, fragment) = split(url)
        var target = page
        if !path.isEmpty {
            guard let resolved = Path.resolve(path.removingPercentEncoding ?? path, from: Path.parent(of: page)) else {
                return "link '\(url)' climbs above the site's root"
            }
            target = path.hasSuffix("/") || resolved.isEmpty ? Path.join(resolved, "index.html") : resolved
        }
        guard byPath[target] != nil else { return "link '\(url)' points to '\(target)', which is not in the site" }
        if let fragment, target.hasSuffix(".html"), !(idsByPath[target]?.contains(fragment) ?? false) {
            return "link '\(url)': '\(target)' has no element with id '\(fragment)'"
        }
        return nil
    }

    private func checkFeedsAndSitemap(byPath: [String: OutputFile], graph: SiteGraph) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for (path, file) in byPath where path.hasSuffix(".xml") {
            let parser = XMLParser(data: Data(file.bytes))
            // FoundationXML can report success yet set an error (an unclosed element): check both.
            let parsed = parser.parse()
            if !parsed || parser.parserError != nil {
                let code = (parser.parserError as NSError?)?.code ?? 0
                let reason = code == 5 ? "the document ends before every element is closed"
                    : code == 9 ? "it holds a character XML does not allow" : "libxml2 error \(code)"
                // The parser's position may be past the fault; a forbidden character is found exactly.
                let position = XMLCharacters.firstForbiddenPosition(in: file.bytes) ?? (max(parser.lineNumber, 1), max(parser.columnNumber, 1))
                let location = SourceLocation(path: Path.join(outputDirectory, path), line: position.line, column: position.column)
                let source = feedEntrySource(file.bytes, line: location.line, graph: graph).map { " (in the entry made from \($0))" } ?? ""
                findings.append(.error("not well-formed XML: \(reason)\(source)", at: location))
            }
        }
        guard let base = graph.config.baseURL, let sitemap = byPath[RouteTable.sitemap.outputPath] else { return findings }
        let text = String(decoding: sitemap.bytes, as: UTF8.self)
        for path in byPath.keys.sorted() where path.hasSuffix(".html") && path != RouteTable.notFound.outputPath {
            let url = Route(file: path).absoluteURL(base: base)
            if !text.contains("<loc>\(url.htmlEscaped)</loc>") {
                findings.append(.error("sitemap.xml does not list \(url)", at: SourceLocation(path: Path.join(outputDirectory, RouteTable.sitemap.outputPath), line: 1, column: 1)))
            }
        }
        return findings
    }

    /// The source file of the feed entry around `line`, if the line is inside an entry.
    private func feedEntrySource(_ bytes: [UInt8], line: Int, graph: SiteGraph) -> String? {
        guard let base = graph.config.baseURL else { return nil }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard line <= lines.count, let start = lines[..<line].lastIndex(where: { $0.contains("<entry>") }) else { return nil }
        guard let idLine = lines[start...].first(where: { $0.contains("<id>") }) else { return nil }
        let id = idLine.replacingOccurrences(of: "<id>", with: "").replacingOccurrences(of: "</id>", with: "").trimmingCharacters(in: .whitespaces)
        return graph.documents.first { $0.route.absoluteURL(base: base).htmlEscaped == id }?.sourcePath
    }

    /// Warnings about content that builds but is probably a mistake.
    private func checkContent(_ graph: SiteGraph) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for topic in graph.topics {
            for alias in graph.unmatchedAliases[topic.slug] ?? [] {
                findings.append(.warning("alias '\(alias.value)' of topic '\(topic.slug)' matches no brief paragraph", at: alias.location))
            }
            if graph.paragraphs(taggedWith: topic.slug).isEmpty {
                findings.append(.warning("topic '\(topic.slug)' tags no brief paragraph (add aliases or a sidecar tag override)", at: SourceLocation(path: topic.sourcePath, line: 1, column: 1)))
            }
        }
        for document in graph.commentary where (graph.bodies[document.route]?.citationCount ?? 0) == 0 {
            findings.append(.warning("commentary '\(document.slug)' cites no brief paragraph (cite with [[brief#pN]])", at: SourceLocation(path: document.sourcePath, line: document.bodyFirstLine, column: 1)))
        }
        return findings
    }

    private func split(_ url: String) -> (String, String?) {
        guard let hash = url.firstIndex(of: "#") else { return (url, nil) }
        // A text fragment (`#p8:~:text=…`) is checked by its element id, the part before `:~:`.
        let fragment = url[url.index(after: hash)...]
        let id = fragment.range(of: ":~:").map { fragment[..<$0.lowerBound] } ?? fragment
        return (String(url[..<hash]), id.isEmpty ? nil : String(id))
    }

    /// The line and column of a byte offset in an output file.
    func location(_ path: String, _ bytes: [UInt8], _ offset: Int) -> SourceLocation {
        let position = LineIndex(String(decoding: bytes, as: UTF8.self)).position(ofUTF8Offset: offset)
        return position.located(in: Path.join(outputDirectory, path))
    }
}
