import BriefImport
import Foundation
import PDFImport
import PDFText
import Testing

/// The real PDFs of the scored corpus, read through poppler.
@Suite struct CorpusPDFTests {
    static let corpus: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/", !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url = url.deletingLastPathComponent()
        }
        return url.appendingPathComponent("Tests/Fixtures/import-corpus").path
    }()

    struct Truth: Decodable {
        var title: String
        var authors: [String]
        var date_iso: String
        var furniture: [String]
    }

    static let names = ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? [])
        .filter { FileManager.default.fileExists(atPath: "\(corpus)/\($0)/brief.pdf") }.sorted()

    @Test func theCorpusHasAtLeastTwelveBriefs() {
        #expect(Self.names.count >= 12)
    }

    @Test(arguments: names)
    func metadataIsRightAndNoFurnitureLeaks(name: String) throws {
        let truth = try JSONDecoder().decode(Truth.self, from: Data(contentsOf: URL(fileURLWithPath: "\(Self.corpus)/\(name)/truth.json")))
        let read = try PDFBriefReader.read(path: "\(Self.corpus)/\(name)/brief.pdf")
        let brief = read.analyze(slug: name, sourcePath: "content/briefs/\(name).txt").brief
        #expect(brief.metadata.title == truth.title)
        #expect(brief.metadata.authors == truth.authors)
        #expect(brief.metadata.date == truth.date_iso)
        for paragraph in brief.paragraphs {
            #expect(!truth.furniture.contains { paragraph.fullText.contains($0) }, "\(paragraph.fullText)")
            #expect(paragraph.fullText.wholeMatch(of: /(?i:page )?[0-9]+/) == nil)
        }
    }

    @Test func footnotesOfAWordProcessorPaperAreNotesAndTheSplitParagraphIsWhole() throws {
        let read = try PDFBriefReader.read(path: "\(Self.corpus)/09-leaders-working-paper/brief.pdf")
        #expect(read.notes.map(\.number) == [1, 2, 3])
        let texts = read.analyze(slug: "x", sourcePath: "x.txt").brief.paragraphs.map(\.fullText)
        #expect(texts.contains { $0.hasSuffix("resolve the long dispute over the cost of stationing U.S. forces. On these issues outcomes were decided by domestic politics and bureaucratic bargaining more than by the warmth of meetings.") })
    }

    struct NotesAndTables: Decodable {
        struct Note: Decodable, Equatable { var number: Int; var text: String }
        struct Block: Decodable { var kind: String; var rows: [[String]]? }
        var notes: [Note]
        var paragraphs: [Block]
    }

    @Test(arguments: names)
    func notesAreNotesAndTablesAreTables(name: String) throws {
        let truth = try JSONDecoder().decode(NotesAndTables.self, from: Data(contentsOf: URL(fileURLWithPath: "\(Self.corpus)/\(name)/truth.json")))
        let brief = try PDFBriefReader.read(path: "\(Self.corpus)/\(name)/brief.pdf").analyze(slug: name, sourcePath: "x.txt").brief
        #expect(brief.notes.map { NotesAndTables.Note(number: $0.number, text: $0.text) } == truth.notes)
        // Every note is marked in the body, and the ¶ that marks it is recorded.
        for note in brief.notes {
            let paragraph = try #require(note.paragraph.flatMap(brief.paragraph))
            #expect(paragraph.noteMarkers.contains { $0.number == note.number })
        }
        let tables = brief.paragraphs.compactMap { paragraph -> [[String]]? in
            if case .table(let rows) = paragraph.kind { return rows } else { return nil }
        }
        #expect(tables == truth.paragraphs.compactMap(\.rows))
    }

    @Test func theTagsTellTheMemoParagraphThatEndsAtTheColumnFoot() throws {
        let path = "\(Self.corpus)/08-supply-chain-memo/brief.pdf"
        #expect(PDFStructureReader.blockTexts(path: path).contains { $0.hasPrefix("Japan also depends on imported critical minerals.") })
        let texts = try PDFBriefReader.read(path: path).analyze(slug: "x", sourcePath: "x.txt").brief.paragraphs.map(\.fullText)
        #expect(texts.contains { $0.hasSuffix("especially disruption originating in China.") })
        #expect(texts.contains { $0.hasPrefix("Japan also depends on imported critical minerals.") })
    }

    @Test func anUnreadableFileIsAPlainError() {
        #expect(throws: PDFReadError.self) { try PDFBriefReader.read(path: "\(Self.corpus)/01-cost-sharing-in-brief/truth.json") }
    }
}
