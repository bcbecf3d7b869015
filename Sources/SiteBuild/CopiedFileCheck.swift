import DossierCore
import SiteLoading

/// A published file must not take a path the site writes itself, nor one another file takes.
enum CopiedFileCheck {
    static func collisions(content: LoadedContent, templates: TemplateLoader.Result) -> [Diagnostic] {
        var taken: [String: String] = [:]
        for path in ["index.html", "topics/index.html", "briefs/index.html", "commentary/index.html", "404.html", "search/index.html",
                     "feed.xml", "sitemap.xml", "robots.txt", "search-index.js"] {
            taken[path] = "the site's own \(path)"
        }
        for asset in templates.assets { taken[asset.path] = "the template asset \(asset.path)" }
        for brief in content.site.briefs {
            taken[brief.route.outputPath] = "the page of brief '\(brief.slug)'"
            taken["briefs/\(brief.slug)/source.txt"] = "the source text of brief '\(brief.slug)'"
        }
        for document in content.site.documents { taken[document.route.outputPath] = "the page of \(document.sourcePath)" }
        var diagnostics: [Diagnostic] = []
        for file in content.files {
            if let owner = taken[file.outputPath] {
                diagnostics.append(.error(
                    "this file would be published at '\(file.outputPath)', which is already \(owner): rename or move it",
                    at: SourceLocation(path: file.sourcePath, line: 1, column: 1)
                ))
            } else {
                taken[file.outputPath] = file.sourcePath
            }
        }
        for redirect in RedirectPages.targets(content.site.documents) {
            if let owner = taken[redirect.path] {
                diagnostics.append(.error(
                    "alias '\(redirect.path)' would write a redirect where the site already has \(owner): remove the alias or move that file",
                    at: redirect.location
                ))
            } else {
                taken[redirect.path] = "a redirect to \(redirect.document.sourcePath)"
            }
        }
        return diagnostics
    }
}
