import DossierCore

/// Template values for what a brief page shows besides plain ¶ text: note markers linked to the
/// Notes section (and back), the notes themselves, and tables.
enum BriefNotesContext {
    /// The ¶ text (after its lead-in) cut at each note marker: `text`, then an optional `note`
    /// (`number`, `url` to the note, `refID` for the first marker of a note, the back link's target).
    static func segments(_ paragraph: Paragraph, route: Route, firstMarkers: inout Set<Int>) -> [ContextBuilder] {
        let text = Array(paragraph.text)
        let skipped = paragraph.leadIn.map { paragraph.text.isEmpty ? $0.count : $0.count + 1 } ?? 0
        var segments: [ContextBuilder] = []
        var start = 0
        for marker in paragraph.noteMarkers {
            // A marker inside the lead-in is shown where the text after it begins.
            let offset = min(max(0, marker.offset - skipped), text.count)
            guard offset >= start else { continue }
            var segment = ContextBuilder()
            segment["text"] = String(text[start..<offset])
            var note = ContextBuilder()
            note.set("number", marker.number)
            note["url"] = route.selfURL(fragment: "n\(marker.number)")
            note["refID"] = firstMarkers.insert(marker.number).inserted ? "r\(marker.number)" : nil
            segment.set("note", note.value)
            segments.append(segment)
            start = offset
        }
        var last = ContextBuilder()
        last["text"] = String(text[start...])
        last["note"] = nil
        segments.append(last)
        return segments
    }

    /// The Notes section: each note with its anchor and a link back to the marker that cites it.
    static func notes(_ brief: Brief, route: Route) -> [ContextBuilder] {
        brief.notes.map { note in
            var item = ContextBuilder()
            item.set("number", note.number)
            item["id"] = note.anchor
            item["text"] = note.text
            item["backURL"] = note.paragraph.map { _ in route.selfURL(fragment: note.referenceAnchor) }
            item["paragraph"] = note.paragraph.map(String.init)
            return item
        }
    }

    /// A table's values: `tableHead` (the first row) and `tableRows` (the rest), each a list of `cells`.
    static func table(_ rows: [[String]], into item: inout ContextBuilder) {
        func row(_ cells: [String]) -> ContextBuilder {
            var row = ContextBuilder()
            row.set("cells", objects: cells.map { cell in
                var item = ContextBuilder()
                item["text"] = cell
                return item
            })
            return row
        }
        item.set("isTable", true)
        item.set("tableHead", objects: rows.prefix(1).map(row))
        item.set("tableRows", objects: rows.dropFirst().map(row))
    }
}
