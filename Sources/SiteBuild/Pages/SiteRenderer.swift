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

    private func collect(_ outcomes: [Result<OutputFile, Diagnostic>]) -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        var files: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        for outcome in outcomes {
            switch outcome {
            case .success(let file): files.append(file)
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        return (files, diagnostics)
    }

    private func renderOne(_ plan: PagePlan) -> Result<OutputFile, Diagnostic> {
        guard library.contains(plan.template) else {
            return .failure(.error("no template '\(plan.template)' for \(plan.route.outputPath) (expected templates/\(plan.template).html)", at: nil))
        }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(16 * 1024)
        do {
            try library.render(plan.template, context: plan.context, into: &buffer)
        } catch {
            return .failure(error.diagnostic)
        }
        return .success(OutputFile(path: plan.route.outputPath, bytes: buffer))
    }
}
