import DossierCore
import FrontMatter

// Front matter: split, decode the YAML, read every field kind; diagnostics must point inside the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    // Decode as the loader does (UTF-8 only, BOM dropped, CR and CRLF made LF), so findings are reachable from a file.
    guard case .success(let text) = SourceText.decode(Array(UnsafeBufferPointer(start: data, count: size)), path: "fuzz") else { return 0 }
    let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
    switch FrontMatter.split(text) {
    case .failure(let error):
        checkPosition(error.position, lineCount: lineCount)
    case .success(let frontMatter):
        guard let yaml = frontMatter.yaml else { return 0 }
        switch YAMLValue.parse(yaml, firstLine: frontMatter.yamlFirstLine) {
        case .failure(let error):
            checkPosition(error.position, lineCount: lineCount)
        case .success(let value):
            var reader = FieldReader(value, path: "fuzz.md")
            _ = reader.string("title", required: true)
            _ = reader.string("summary")
            _ = reader.bool("draft")
            _ = reader.int("weight")
            _ = reader.date("date")
            _ = reader.stringList("topics")
            _ = reader.stringList("aliases")
            _ = reader.positionedList("related")
            reader.warnAboutUnknownKeys(known: ["title", "summary", "draft", "weight", "date", "topics", "aliases"])
            for diagnostic in reader.diagnostics {
                guard let location = diagnostic.location else { continue }
                checkPosition(TextPosition(line: location.line, column: location.column), lineCount: lineCount)
            }
        }
    }
    return 0
}

/// Traps (a libFuzzer crash) when a reported position lies outside the input.
func checkPosition(_ position: TextPosition, lineCount: Int) {
    precondition(position.line >= 1 && position.column >= 1, "position \(position) is not 1-based")
    precondition(position.line <= lineCount + 1, "line \(position.line) is past the end (\(lineCount) lines)")
}
