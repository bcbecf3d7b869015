import DossierCore
import Foundation
import Templating

/// Renders page plans through templates, in parallel, into files in a fixed order.
struct SiteRenderer {
    let library: TemplateLibrary
    let jobs: Int

    /// Renders every plan; results keep the plans' order whatever the thread count.
    func render(_ plans: [PagePlan]) -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        let outcomes = ResultSlots<Result<OutputFile, Diagnostic>>(count: plans.count)
        let workers = max(1, jobs > 0 ? jobs : ProcessInfo.processInfo.activeProcessorCount)
        let chunk = max(1, (plans.count + workers * 4 - 1) / (workers * 4))
        let chunkCount = (plans.count + chunk - 1) / chunk
        let work: @Sendable (Int) -> Void = { index in
            for planIndex in (index * chunk)..<min(plans.count, (index + 1) * chunk) {
                outcomes.set(planIndex, renderOne(plans[planIndex]))
            }
        }
        if workers == 1 {
            for index in 0..<chunkCount { work(index) }
        } else {
            DispatchQueue.concurrentPerform(iterations: chunkCount, execute: work)
        }
        var files: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        for outcome in outcomes.values {
            switch outcome {
            case .success(let file)?: files.append(file)
            case .failure(let diagnostic)?: diagnostics.append(diagnostic)
            case nil: break
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

/// Fixed slots that worker threads fill, one slot per index.
final class ResultSlots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) {
        storage = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var values: [Value?] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
