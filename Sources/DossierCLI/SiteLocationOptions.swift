import ArgumentParser
import SiteBuild

/// The folder options shared by every command that builds.
struct SiteLocationOptions: ParsableArguments {
    @Option(name: .long, help: "Folder of briefs, topics, commentary and site.yml.")
    var content = "content"

    @Option(name: .long, help: "Folder of templates (and templates/assets/).")
    var templates = "templates"

    @Option(name: .long, help: "Folder the site is written to (replaced as a whole).")
    var output = "site"

    @Flag(name: .long, help: "Include documents marked 'draft: true'.")
    var drafts = false

    @Option(name: .customLong("base-url"), help: "Absolute URL the site is published at (feeds, sitemap, canonical links).")
    var baseURL: String?

    @Option(name: .long, help: "Rendering threads (0: one per core).")
    var jobs = 0

    var buildOptions: BuildOptions {
        BuildOptions(contentDirectory: content, templatesDirectory: templates, outputDirectory: output,
                     includesDrafts: drafts, baseURL: baseURL, jobs: jobs)
    }
}
