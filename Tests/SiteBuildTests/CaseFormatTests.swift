import DossierCore
import Foundation
@testable import SiteFixtures
import Testing

/// The `.case` format the invalid sites are written in, and the base they change.
@Suite struct CaseFormatTests {
    let base: [String: [UInt8]] = ["content/a.md": Array("one\ntwo\nthree\n".utf8), "templates/x.html": Array("x\n".utf8)]

    private func apply(_ text: String) throws -> SiteCase {
        try CaseArchive.parse(Array(text.utf8), name: "t", file: "t.case").apply(to: base)
    }

    @Test func theBaseSiteBuildsWithoutErrors() throws {
        let result = try Fixtures.build(try SiteCase.base())
        #expect(!result.diagnostics.containsErrors, "\(result.diagnostics)")
        #expect(result.pageCount > 0)
    }

    @Test func sectionsReplaceAddRemoveAndPatchLines() throws {
        let site = try apply("""
            What it checks.
            === content/a.md, lines 2-3 ===
            TWO
            === content/b.md (no final newline) ===
            b
            === templates (removed) ===
            === content/c.bin (escaped) ===
            \\x00\\\\\\xe9
            === expected errors (exit 1) ===
            content/a.md:2:1: error: x

            """)
        #expect(site.summary == "What it checks.\n")
        #expect(site.files["content/a.md"] == Array("one\nTWO\n".utf8))
        #expect(site.files["content/b.md"] == Array("b".utf8))
        #expect(site.files["templates/x.html"] == nil)
        #expect(site.files["content/c.bin"] == [0, 0x5C, 0xE9, 0x0A])
        #expect(site.expectedExit == 1)
        #expect(site.expectedErrors == "content/a.md:2:1: error: x\n")
        #expect(!site.needsDisk)
        #expect(try apply("=== content/l.md -> ../x.md ===\n").links == ["content/l.md": "../x.md"])
    }

    @Test func mistakesInACaseAreReportedAtTheirLine() {
        for (text, reason) in [
            ("=== content/a.md, line 9 ===\nx\n", "'content/a.md' has only 3 lines"),
            ("=== content/z.md, line 1 ===\nx\n", "'content/z.md' is not in the base site: give its whole content"),
            ("\n=== ../a.md ===\n", "'../a.md' is not a plain relative path"),
            ("=== a.md (zipped) ===\n", "unknown flag '(zipped)': use (removed), (no final newline) or (escaped)"),
            ("=== gone.md (removed) ===\n", "'gone.md' is not in the base site"),
        ] {
            #expect(throws: CaseFormatError.self) { try apply(text) }
            do { _ = try apply(text) } catch let error as CaseFormatError {
                #expect(error.reason == reason)
                #expect(error.line == (text.hasPrefix("\n") ? 2 : 1))
            } catch { Issue.record("\(error)") }
        }
    }
}
