import DossierCore
import Foundation
import Templating

/// Renders page plans through templates, in parallel, into files in a fixed order.
struct SiteRenderer {
    let library: TemplateLibrary
    let jobs: Int

    /// Renders every plan; results keep the plans' order whatever the thread count.
    func render(_ plans: [PagePlan]) -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        collect(Parallel.map(count: plans.count, jobs: jobs) { renderOne(plans[$0]) })
    }

    /// Plans and renders the pages at `routes` (skipping routes with no page), planning on every core too.
    func render(_ routes: ArraySlice<Route>, planner: PagePlanner) -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        let first = routes.startIndex
        let outcomes = Parallel.map(count: routes.count, jobs: jobs) { index in planner.plan(for: routes[first + index]).map(renderOne) }
        return collect(outcomes.compactMap { $0 })
    }

    private func collect(_ outcomes: [Rendered]) -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        var files: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        // A missing template is one error, naming the pages that need it.
        var pagesWithout: [String: [String]] = [:]
        for outcome in outcomes {
            if let file = outcome.file { files.append(file) }
            diagnostics += outcome.diagnostics
            if let missing = outcome.missingTemplate { pagesWithout[missing.template, default: []].append(missing.page) }
        }
        for (template, pages) in pagesWithout.sorted(by: { $0.key < $1.key }) {
            let listed = pages.prefix(3).joined(separator: ", ") + (pages.count > 3 ? ", …" : "")
            diagnostics.append(.error("no template '\(template)' for \(English.count(pages.count, "page")) (\(listed)): add templates/\(template).html", at: nil))
        }
        return (files, diagnostics.oncePerTemplateTag())
    }

    /// One page's file (nil when it failed) and what its render reported.
    private struct Rendered {
        var file: OutputFile?
        var diagnostics: [Diagnostic] = []
        var missingTemplate: (template: String, page: String)?
    }

    private func renderOne(_ plan: PagePlan) -> Rendered {
        guard library.contains(plan.template) else {
            return Rendered(missingTemplate: (plan.template, plan.route.outputPath))
        }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(16 * 1024)
        var warnings: [TemplateError] = []
        do {
            try library.render(plan.template, context: plan.context, into: &buffer, warnings: &warnings)
        } catch {
            return Rendered(diagnostics: [error.diagnostic])
        }
        let diagnostics = warnings.map { Diagnostic.warning($0.message, at: $0.location) }
        return Rendered(file: OutputFile(path: plan.route.outputPath, bytes: buffer), diagnostics: diagnostics)
    }
}

extension Array where Element == Diagnostic {
    /// A template problem is the same on every page that uses the tag: reported once, for the first page.
    func oncePerTemplateTag() -> [Diagnostic] {
        var seen: Set<SourceLocation> = []
        var seenWarnings: Set<SourceLocation> = []
        return filter { diagnostic in
            guard let location = diagnostic.location else { return true }
            return diagnostic.severity == .error ? seen.insert(location).inserted : seenWarnings.insert(location).inserted
        }
    }
}
