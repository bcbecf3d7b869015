import BriefImport
import DossierCore
@testable import PDFImport
import PDFText
import Testing

/// The PDF rules, each on pages laid out by hand.
@Suite struct PDFBriefReaderTests {
    typealias S = SyntheticPages

    static let masthead: [PDFLine] = [
        S.line("P O L I C Y B R I E F", y: 60, size: 9),
        S.line("Sharing the Cost of", y: 100, size: 20, bold: true),
        S.line("Alliance Bases", y: 124, size: 20, bold: true),
        S.line("What the Next Agreement Could Change", y: 146, size: 13),
        S.line("By Ann Lee, Bo Ng, and Cy Park", y: 166),
        S.line("Updated February 18, 2025", y: 180),
    ]

    @Test func mastheadComesFromTypeSizes() {
        let pages = [S.page(1, Self.masthead + S.column(["Body text starts here and runs on.", "It ends here."], y: 220))]
        let read = PDFBriefReader.read(pages: pages)
        #expect(read.sidecar.title == "Sharing the Cost of Alliance Bases")
        #expect(read.sidecar.subtitle == "What the Next Agreement Could Change")
        #expect(read.sidecar.authors == ["Ann Lee", "Bo Ng", "Cy Park"])
        #expect(read.sidecar.date == "2025-02-18")
        #expect(read.sidecar.program == "POLICYBRIEF" || read.sidecar.program == "POLICY BRIEF")
    }

    @Test func runningFeetAndPageNumbersAreDroppedAndPagesMarked() {
        let foot = { (n: Int) in [S.line("Harbor Institute | Issue Brief", y: 760, size: 8), S.line("\(n)", x: 540, y: 760, size: 8)] }
        let pages = [
            S.page(1, Self.masthead + S.column(["First paragraph of the body, which runs over two", "lines."], y: 220) + foot(1)),
            S.page(2, S.column(["Second paragraph on the second page, ending too."], y: 80) + foot(2)),
        ]
        let read = PDFBriefReader.read(pages: pages)
        #expect(!read.text.contains("Harbor Institute"))
        #expect(read.furniture.contains("Harbor Institute | Issue Brief"))
        let brief = read.analyze(slug: "x", sourcePath: "content/briefs/x.txt").brief
        #expect(brief.paragraphs.map(\.page) == [1, 2])
    }

    @Test func twoColumnsAreReadLeftThenRightEvenWhenTheTextLayerJoinsThem() {
        // The text layer gives each row of both columns as one line, left half then right half.
        let rows = [("The left column opens the argument", "and the right column continues it"),
                    ("and carries it on for a long while", "to the end of the paragraph."),
                    ("before it reaches the bottom of the", "A second paragraph starts here and"),
                    ("left column, where it turns over", "ends at once.")]
        var lines: [PDFLine] = []
        for (index, row) in rows.enumerated() {
            let y = 220 + Double(index) * 14
            lines.append(PDFLine(runs: [S.run(row.0, x: 72, y: y), S.run(row.1, x: 320, y: y)]))
        }
        let read = PDFBriefReader.read(pages: [S.page(1, Self.masthead + lines)])
        let paragraphs = read.analyze(slug: "x", sourcePath: "x.txt").brief.paragraphs.map(\.fullText)
        #expect(paragraphs == [
            "The left column opens the argument and carries it on for a long while before it reaches the bottom of the left column, where it turns over and the right column continues it to the end of the paragraph.",
            "A second paragraph starts here and ends at once.",
        ])
    }

    @Test func aTaggedPDFSaysWhereAParagraphEndingAtAColumnFootEnds() {
        // The left column's last line is full and ends a sentence; the right column opens with a capital.
        // Layout alone cannot tell a new ¶ from a continued one (it joins); the structure tree can.
        let rows = [("The left column opens the argument", "Another paragraph begins at the top"),
                    ("and carries it on for a long while", "of the right column and goes on for"),
                    ("until it ends at the column's foot.", "a while before it ends here.")]
        var lines: [PDFLine] = []
        for (index, row) in rows.enumerated() {
            let y = 220 + Double(index) * 14
            lines.append(PDFLine(runs: [S.run(row.0, x: 72, y: y), S.run(row.1, x: 320, y: y)]))
        }
        let pages = [S.page(1, Self.masthead + lines)]
        let untagged = PDFBriefReader.read(pages: pages).analyze(slug: "x", sourcePath: "x.txt").brief
        #expect(untagged.paragraphCount == 1)
        let blocks = ["The left column opens the argumentand carries it on", "Another paragraph begins at the topof the right column"]
        let tagged = PDFBriefReader.read(pages: pages, blockTexts: blocks).analyze(slug: "x", sourcePath: "x.txt").brief
        #expect(tagged.paragraphs.map(\.fullText) == [
            "The left column opens the argument and carries it on for a long while until it ends at the column's foot.",
            "Another paragraph begins at the top of the right column and goes on for a while before it ends here.",
        ])
    }

    @Test func footnotesLeaveTheBodyAndTheirMarkersLeaveTheText() {
        let marked = PDFLine(runs: [S.run("A claim that needs a source.", x: 72, y: 220), S.run("1", x: 212, y: 216, size: 6)])
        let next = S.line("The page-split paragraph goes on and does", y: 234)
        let pages = [
            S.page(1, Self.masthead + [marked, next, S.line("1. The source of the claim, 2024.", y: 700, size: 8), S.line("1", x: 300, y: 760, size: 8)]),
            S.page(2, S.column(["not stop at the page foot.", "Another paragraph."], y: 80) + [S.line("2", x: 300, y: 760, size: 8)]),
        ]
        let read = PDFBriefReader.read(pages: pages)
        #expect(read.notes.map(\.number) == [1])
        #expect(read.notes.first?.text == "The source of the claim, 2024.")
        // The text keeps the marker as a superscript and the note under "Notes", which the build reads back.
        #expect(read.text.contains("A claim that needs a source.¹\n\n"))
        #expect(read.text.contains("Notes\n\n1. The source of the claim, 2024.\n\n"))
        let brief = read.analyze(slug: "x", sourcePath: "x.txt").brief
        #expect(brief.notes == [BriefNote(number: 1, text: "The source of the claim, 2024.", paragraph: 1, line: brief.notes.first?.line ?? 0)])
        #expect(brief.paragraphs.first?.noteMarkers == [NoteMarker(number: 1, offset: 28)])
        let paragraphs = brief.paragraphs.map(\.fullText)
        #expect(paragraphs == [
            "A claim that needs a source.",
            "The page-split paragraph goes on and does not stop at the page foot.",
            "Another paragraph.",
        ])
    }

    @Test func smallTextUnderTheRunningHeadIsTextNotFurniture() {
        // Endnotes that run over to page 2 start just under its running head, at line pitch.
        let page2 = [
            S.line("Harbor Institute | Issue Brief", y: 36, size: 8),
            S.line("2. The second note, which starts the page.", y: 74, size: 8),
            S.line("3. The third note.", y: 88, size: 8),
        ]
        let page1 = Self.masthead + [
            PDFLine(runs: [S.run("A claim with two sources.", x: 72, y: 220), S.run("1", x: 197, y: 216, size: 6), S.run("2", x: 200, y: 216, size: 6)]),
            S.line("And a third claim, in a paragraph long enough to make this the size of the body text.", y: 234),
            S.line("3", x: 500, y: 230, size: 6),
            S.line("Notes", y: 260, size: 12, bold: true),
            S.line("1. The first note.", y: 280, size: 8),
        ]
        let read = PDFBriefReader.read(pages: [S.page(1, page1), S.page(2, page2)])
        #expect(read.furniture == ["Harbor Institute | Issue Brief"])
        #expect(read.notes.map(\.number) == [1, 2, 3])
        #expect(read.notes.map(\.text).last == "The third note.")
    }

    @Test func alignedRowsBecomeOneTableAndItsCaptionACaption() {
        func row(_ cells: [String], y: Double) -> PDFLine {
            PDFLine(runs: cells.enumerated().map { S.run($0.element, x: 72 + Double($0.offset) * 120, y: y) })
        }
        let body = S.column(["Prose before the table ends here."], y: 220) + [
            row(["Year", "Expand", "Keep"], y: 250), row(["2019", "48%", "44%"], y: 264), row(["2022", "33%", "55%"], y: 278),
            S.line("Figure 1. Investment plans, share of respondents.", y: 300),
            S.line("Prose after the table.", y: 330),
        ]
        let read = PDFBriefReader.read(pages: [S.page(1, Self.masthead + body)])
        #expect(read.text.contains("| Year | Expand | Keep |\n| 2019 | 48% | 44% |\n| 2022 | 33% | 55% |"))
        let paragraphs = read.analyze(slug: "x", sourcePath: "x.txt").brief.paragraphs
        #expect(paragraphs.map(\.kind) == [
            .prose, .table(rows: [["Year", "Expand", "Keep"], ["2019", "48%", "44%"], ["2022", "33%", "55%"]]), .caption, .prose,
        ])
    }

    @Test func headingsBySizeAndWeightKeepTheirNumbersAndQuestionMarks() {
        let body = [
            S.line("1. Introduction", y: 220, size: 13, bold: true),
            S.line("The opening paragraph of the body.", y: 240),
            S.line("Will It Last?", y: 264, bold: true),
            S.line("Perhaps, for a while.", y: 282),
        ]
        let read = PDFBriefReader.read(pages: [S.page(1, Self.masthead + body)])
        let brief = read.analyze(slug: "x", sourcePath: "x.txt").brief
        #expect(brief.sections.compactMap(\.heading) == ["1. Introduction", "Will It Last?"])
        #expect(brief.paragraphCount == 2)
    }

    @Test func lineEndHyphensStayUnlessTheBriefWritesTheWordWhole() {
        #expect(TextGlue.join("a five-", "year plan") == "a five-year plan")
        #expect(TextGlue.join("co-", "operation", wholeWords: ["cooperation"]) == "cooperation")
        #expect(TextGlue.join("co-", "operation", wholeWords: ["cooperation", "co-operation"]) == "co-operation")
        #expect(TextGlue.join("the war\u{00AD}", "time") == "the wartime")
        #expect(TextGlue.join("a pause—", "then") == "a pause—then")
    }

    @Test func backMatterAndCopyrightStayOutOfTheBody() {
        let body = S.column(["The only body paragraph ends here."], y: 220) + [
            S.line("About the Authors", y: 260, size: 12, bold: true),
            S.line("Ann Lee is a fellow.", y: 280),
            S.line("© 2025 Harbor Institute. All rights reserved.", y: 300),
        ]
        let read = PDFBriefReader.read(pages: [S.page(1, Self.masthead + body)])
        #expect(read.analyze(slug: "x", sourcePath: "x.txt").brief.paragraphCount == 1)
        #expect(read.backMatter.contains("Ann Lee is a fellow."))
    }
}
