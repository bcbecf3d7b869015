@testable import BriefImport
import DossierCore
import Testing

/// The skeleton `dossier import` writes must only hold values the build accepts.
@Suite struct SidecarSkeletonTests {
    @Test(arguments: [
        ("November 2024", "2024-11"), ("Nov. 5, 2024", "2024-11-05"), ("12 February 2025", "2025-02-12"),
        ("Updated February 18, 2025", "2025-02-18"), ("Published 14 January 2025", "2025-01-14"),
        ("Revised: March 3rd, 2025", "2025-03-03"), ("Sept 2024", "2024-09"), ("2025年3月14日", "2025-03-14"),
        ("2024-11-05", "2024-11-05"), ("2024-2-5", "2024-02-05"),
    ])
    func printedDatesBecomeISO(printed: String, iso: String) {
        #expect(DateReader.iso(printed) == iso)
    }

    @Test(arguments: ["03/04/2025", "February 30, 2025", "Spring 2025", "Marching 2024", "2024-13", "soon", "31 April 2025"])
    func datesThatCannotBeReadForCertainAreNil(printed: String) {
        #expect(DateReader.iso(printed) == nil)
    }

    @Test func anUnreadableDateIsLeftAsACommentWithItsText() {
        let brief = Self.brief(date: "Spring 2025")
        let yaml = SidecarSkeleton.yaml(for: brief, detectedFurniture: [])
        let dateLines = yaml.split(separator: "\n").filter { $0.contains("date") && !$0.hasPrefix("#") }
        #expect(dateLines.isEmpty)
        #expect(yaml.contains("# date: '' -- the brief says 'Spring 2025'; write it YYYY-MM-DD or YYYY-MM"))
    }

    @Test func mastheadDatesWithAPrefixAreRead() {
        let text = "Updated February 18, 2025\nA Title of Several Plain Words\nBy Ann Lee\nBody sentence here."
        let result = BriefImporter.analyze(text: text, slug: "x", sourcePath: "content/briefs/x.txt", sidecar: nil)
        #expect(result.brief.metadata.date == "February 18, 2025")
        #expect(SidecarSkeleton.yaml(for: result.brief, detectedFurniture: []).contains("\ndate: '2025-02-18'\n"))
    }

    /// Every value line of a skeleton is a date the loader's rule accepts, or a pattern Swift compiles.
    @Test(arguments: ["12 February 2025", "Updated February 18, 2025", "Winter 2025", "31/12/2024", "November 2024", "it's 'quoted'"])
    func skeletonValuesAreAcceptedByTheBuild(date: String) throws {
        let furniture = ["2 | Japan Program (US) [draft] $5 ^ * + ? {x} \\ / #", "Page 3 of 9"]
        let yaml = SidecarSkeleton.yaml(for: Self.brief(date: date), detectedFurniture: furniture)
        for line in yaml.split(separator: "\n") where line.hasPrefix("date: ") {
            let value = String(line.dropFirst("date: '".count).dropLast())
            #expect(value.wholeMatch(of: /[0-9]{4}-(0[1-9]|1[0-2])(-[0-3][0-9])?/) != nil, "\(value)")
            #expect(value.count == 7 || DateReader.iso(value) == value)
        }
        for line in yaml.split(separator: "\n") where line.hasPrefix("  - '^") {
            let pattern = String(line.dropFirst("  - '".count).dropLast()).replacingOccurrences(of: "''", with: "'")
            let regex = try Regex(pattern)
            #expect(furniture.contains { $0.wholeMatch(of: regex) != nil })
        }
    }

    static func brief(date: String) -> Brief {
        Brief(
            slug: "x", sourcePath: "content/briefs/x.txt",
            metadata: BriefMetadata(title: "T", date: date, citationLabel: "T"), sections: [], pageCount: nil
        )
    }
}
