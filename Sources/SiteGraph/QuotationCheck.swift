import DossierCore

/// What checking a document's quotations found.
struct QuotationOutcome: Sendable {
    /// Misquotations and uncited quotations.
    var diagnostics: [Diagnostic] = []
    /// For each verified quotation, the brief paragraphs its words were found in.
    var verified: [[ParagraphRef]] = []
    /// The source's own words of each quotation, by the position of the citation it was verified
    /// against (links carry them as text fragments; "cited by" lists show them).
    var wordsByCitation: [TextPosition: [String]] = [:]
}

/// The rule: a passage in double quotation marks in a sentence that cites brief paragraphs must be
/// in one of the cited paragraphs (or ranges). A quotation of `minimumUncitedWords` words or more in
/// a sentence without a citation, in a paragraph that cites briefs, is an error too: its source must
/// be named in its own sentence. Shorter quotations there, and any in paragraphs citing no brief,
/// are titles or scare quotes and go unchecked.
struct QuotationCheck {
    static let minimumUncitedWords = 3

    let document: ContentDocument
    let brief: (String) -> Brief?

    func check(_ sentences: [QuotedSentence]) -> QuotationOutcome {
        var outcome = QuotationOutcome()
        var texts: [String: FoldedText] = [:]
        for sentence in sentences {
            for quotation in sentence.quotations {
                guard let pattern = QuotationPattern(quotation.text) else { continue }
                let location = quotation.position.offset(byLines: document.bodyFirstLine - 1).located(in: document.sourcePath)
                guard !sentence.citations.isEmpty else {
                    if sentence.blockCites, pattern.words.count >= Self.minimumUncitedWords {
                        outcome.diagnostics.append(.error(
                            "quotation \(Self.shown(quotation.text)) has no brief citation in its sentence: cite the ¶ it comes from in the same sentence (a citation in an earlier sentence does not reach it); a title or a phrase not taken from a brief goes in single quotation marks",
                            at: location
                        ))
                    }
                    continue
                }
                var found = false
                for citation in sentence.citations {
                    guard let brief = brief(citation.briefSlug), citation.paragraphs.upperBound <= brief.paragraphCount else { continue }
                    let key = "\(brief.slug)#\(citation.paragraphs)"
                    let text = texts[key] ?? Self.text(of: brief, citation.paragraphs)
                    texts[key] = text
                    guard let match = pattern.match(in: text) else { continue }
                    if !found {
                        outcome.verified.append(Self.paragraphs(of: brief, citation.paragraphs, touchedBy: match, in: text))
                    }
                    found = true
                    outcome.wordsByCitation[citation.position, default: []].append(text.originalText(match))
                }
                if !found, let message = mismatch(quotation.text, pattern, citations: sentence.citations) {
                    outcome.diagnostics.append(.error(message, at: location))
                }
            }
        }
        return outcome
    }

    /// Why no cited paragraph holds the quotation: where the words are instead, or the closest passage.
    private func mismatch(_ quoted: String, _ pattern: QuotationPattern, citations: [QuotedSentence.Citation]) -> String? {
        let known = citations.compactMap { citation in
            brief(citation.briefSlug).flatMap { citation.paragraphs.upperBound <= $0.paragraphCount ? ($0, citation) : nil }
        }
        guard let (firstBrief, firstCitation) = known.first else { return nil }  // the link resolver reports bad citations
        let cited = known.map { $0.0.citation(for: $0.1.paragraphs) }.joined(separator: " or ")
        let head = "quotation \(Self.shown(quoted)) is not in \(cited)"
        var seen: Set<String> = []
        for (brief, citation) in known where seen.insert(brief.slug).inserted {
            let numbers = 1...brief.paragraphCount
            if let number = numbers.first(where: { pattern.match(in: Self.text(of: brief, $0...$0)) != nil }) {
                return "\(head): found in ¶\(number), not \(Self.paragraphSign(citation.paragraphs)); cite [[\(brief.slug)#p\(number)]] for these words"
            }
            if let number = numbers.dropLast().first(where: { pattern.match(in: Self.text(of: brief, $0...$0 + 1)) != nil }) {
                let span = "\(brief.slug)#p\(number)-p\(number + 1)"
                return "\(head): the words run across ¶\(number) and ¶\(number + 1), so cite the range [[\(span)]] or quote from one paragraph"
            }
        }
        let closest = ClosestPassage.find(pattern, in: Self.text(of: firstBrief, firstCitation.paragraphs))
        let hint = closest.map { "; the closest passage there is \(Self.shown($0))" } ?? ""
        return "\(head)\(hint). Quote the source's words exactly (mark left-out words with … and your own with [brackets]), or cite the ¶ they come from"
    }

    /// The cited paragraphs' text as a reader sees it, one space between paragraphs.
    static func text(of brief: Brief, _ range: ClosedRange<Int>) -> FoldedText {
        FoldedText(range.compactMap { brief.paragraph($0)?.fullText }.joined(separator: " "))
    }

    /// The paragraphs of `range` that the folded `match` overlaps.
    private static func paragraphs(of brief: Brief, _ range: ClosedRange<Int>, touchedBy match: Range<Int>, in text: FoldedText) -> [ParagraphRef] {
        guard range.count > 1 else { return [ParagraphRef(briefSlug: brief.slug, number: range.lowerBound)] }
        let first = text.originOffset(match.lowerBound)
        let last = text.originOffset(match.upperBound - 1)
        var start = 0
        var touched: [ParagraphRef] = []
        for number in range {
            let length = (brief.paragraph(number)?.fullText.unicodeScalars.count ?? 0) + 1
            if start <= last, first < start + length { touched.append(ParagraphRef(briefSlug: brief.slug, number: number)) }
            start += length
        }
        return touched
    }

    private static func paragraphSign(_ range: ClosedRange<Int>) -> String {
        range.count == 1 ? "¶\(range.lowerBound)" : "¶\(range.lowerBound)–\(range.upperBound)"
    }

    /// A quotation as a message shows it: in curly marks, long ones shortened in the middle.
    static func shown(_ text: String) -> String {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        let short = words.count > 16 ? words.prefix(8).joined(separator: " ") + " … " + words.suffix(6).joined(separator: " ") : words.joined(separator: " ")
        return "“\(short)”"
    }
}
