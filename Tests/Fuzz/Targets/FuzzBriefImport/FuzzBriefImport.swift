import BriefImport
import DossierCore

// Brief import: any text becomes a brief or diagnostics; paragraphs are numbered 1…n with valid line ranges.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBriefImport(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    // Decode as the loader does (UTF-8 only, BOM dropped, CR and CRLF made LF), so findings are reachable from a file.
    guard case .success(let text) = SourceText.decode(Array(UnsafeBufferPointer(start: data, count: size)), path: "fuzz") else { return 0 }
    let result = BriefImporter.analyze(text: text, slug: "fuzz", sourcePath: "content/briefs/fuzz.txt", sidecar: nil)
    let paragraphs = result.brief.paragraphs
    for (index, paragraph) in paragraphs.enumerated() {
        precondition(paragraph.number == index + 1, "paragraph \(index) is numbered \(paragraph.number)")
        precondition(paragraph.lines.lowerBound >= 1, "paragraph \(paragraph.number) starts on line \(paragraph.lines.lowerBound)")
    }
    for diagnostic in result.diagnostics {
        if let location = diagnostic.location {
            precondition(location.line >= 1 && location.column >= 1, "diagnostic at \(location) is not 1-based")
        }
    }
    _ = BriefImporter.citationLabel(authors: result.mastheadLines, date: result.brief.metadata.date)
    return 0
}
