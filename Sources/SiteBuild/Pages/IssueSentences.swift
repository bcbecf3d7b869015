import DossierCore
import SiteGraph
import Templating

/// Splits a quoted paragraph into sentences and marks those that name the issue (one of its aliases
/// or its title), so a topic page can highlight what concerns it inside the whole paragraph.
struct IssueSentences {
    private let matcher: AliasMatcher

    init(topic: ContentDocument) {
        let phrases = ([topic.title] + topic.aliases.map(\.value)).filter(AliasMatcher.isMatchable)
        matcher = AliasMatcher(phrases: phrases.enumerated().map { ($1, $0) })
    }

    /// The paragraph as consecutive pieces (`text`, `isMarked`) whose concatenation is `text` exactly.
    func segments(of text: String) -> [ContextBuilder] {
        let scalars = Array(text.unicodeScalars)
        var start = 0
        var pieces: [ContextBuilder] = []
        for span in Sentences.spans(text) {
            let end = min(span.end, scalars.count)
            guard end > start else { continue }
            var piece = ContextBuilder()
            piece["text"] = String(String.UnicodeScalarView(scalars[start..<end]))
            piece.set("isMarked", !matcher.matches(in: span.text).isEmpty)
            pieces.append(piece)
            start = end
        }
        return pieces
    }
}
