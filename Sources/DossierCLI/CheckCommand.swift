import ArgumentParser
import DossierCore
import Foundation
import SiteBuild

/// `dossier check`: builds in memory and verifies links, anchors, metadata, feeds and content.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check every link, anchor, title, description, feed and sitemap, and flag suspicious content."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var location: SiteLocationOptions

    @Flag(name: .long, help: "Treat warnings as failures.")
    var strict = false

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let result = SiteBuilder(options: location.buildOptions).build()
        var findings = result.diagnostics
        if result.succeeded, let graph = result.graph {
            var checker = SiteChecker(outputDirectory: location.output)
            checker.configPath = Path.join(location.content, "site.yml")
            findings += checker.check(files: result.files, graph: graph)
        }
        findings = findings.sortedForReport()
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.count - errors
        // The missing base URL is shown but never fails --strict (see BaseURLWarning).
        let failingWarnings = findings.filter { $0.severity == .warning && $0.message != BaseURLWarning.message }.count
        let passed = errors == 0 && (!strict || failingWarnings == 0)
        switch format {
        case .text:
            DiagnosticPrinter.print(findings)
            if let tally = result.graph?.quotationTally, tally.quotations > 0 { print(tally.summary) }
            print(passed ? "check passed: \(result.files.count) files, \(warnings) warnings" : "check failed: \(errors) errors, \(warnings) warnings\(strict ? " (strict)" : "")")
        case .json:
            print(try Self.json(findings, passed: passed, quotations: result.graph.map { ($0.quotationTally.quotations, $0.quotationTally.paragraphs) }))
        }
        if !passed { throw ExitCode(1) }
    }

    private struct Finding: Encodable {
        var severity: String
        var path: String?
        var line: Int?
        var column: Int?
        var message: String
    }

    private struct Report: Encodable {
        var passed: Bool
        var findings: [Finding]
        /// Quotations verified against their cited paragraphs, and how many paragraphs those are.
        var quotationsVerified: Int?
        var quotedParagraphs: Int?
    }

    static func json(_ findings: [Diagnostic], passed: Bool, quotations: (verified: Int, paragraphs: Int)? = nil) throws -> String {
        var report = Report(passed: passed, findings: findings.map {
            Finding(severity: $0.severity.rawValue, path: $0.location?.path, line: $0.location?.line, column: $0.location?.column, message: $0.message)
        })
        report.quotationsVerified = quotations?.verified
        report.quotedParagraphs = quotations?.paragraphs
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }
}
