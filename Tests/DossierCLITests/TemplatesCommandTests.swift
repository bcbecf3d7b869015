import Foundation
import Testing

/// `dossier templates --context` prints the committed reference, from any folder.
@Suite struct TemplatesCommandTests {
    @Test func contextPrintsTheCommittedReference() async throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let run = try await DossierProcess.run(["templates", "--context"], in: NSTemporaryDirectory())
        #expect(run.status == 0)
        let committed = try String(contentsOf: repository.appendingPathComponent("docs/templates.md"), encoding: .utf8)
        #expect(run.output == committed, "regenerate with `swift run dossier templates --context > docs/templates.md`")
    }

    @Test func withoutAFlagItSaysWhatToAsk() async throws {
        let run = try await DossierProcess.run(["templates"], in: NSTemporaryDirectory())
        #expect(run.status != 0)
        #expect(run.output.contains("dossier templates --context"))
    }
}
