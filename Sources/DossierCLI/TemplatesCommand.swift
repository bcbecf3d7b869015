import ArgumentParser
import DossierCore
import Foundation
import SiteBuild

/// `dossier templates --context`: the reference of every page kind and the values its template sees.
struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Describe what templates can use.",
        discussion: "With --context, print (as Markdown) every page kind, its template, and each variable its context holds, "
            + "with its type and an example; docs/templates.md is this output."
    )

    @Flag(name: .long, help: "Print every page kind and the variables its template sees, with types and examples (Markdown).")
    var context = false

    func run() throws {
        guard context else {
            throw ValidationError("say what to describe: 'dossier templates --context' prints every page kind and its variables")
        }
        switch TemplateReference.markdown() {
        case .success(let text):
            FileHandle.standardOutput.write(Data(text.utf8))
        case .failure(let error):
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode(1)
        }
    }
}
