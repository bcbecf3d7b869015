import DossierCore

extension LineIndex {
    /// The UTF-8 byte range of a 1-based line, without its `\n`.
    func utf8Range(ofLine number: Int) -> Range<Int> {
        let start = utf8Offset(ofLine: number)
        let end = number < lineCount ? utf8Offset(ofLine: number + 1) - 1 : utf8Offset(ofLine: lineCount + 1)
        return start..<max(start, end)
    }
}
