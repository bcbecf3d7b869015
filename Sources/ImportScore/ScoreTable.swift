import Foundation

/// The printed score: one row per brief and mode, then a summary per mode against the done-when bar.
enum ScoreTable {
    static let header = pad("brief", 30) + pad("mode", 8) + pad("meta", 6) + pad("¶ exact", 9) + pad("extra ¶", 9)
        + pad("furniture", 10) + pad("back/notes", 11) + pad("lists", 7) + pad("h missed", 9) + pad("h invented", 11)
        + pad("hyphen lost", 12) + pad("notes", 6) + "tables"

    static func row(name: String, mode: String, card: Scorecard) -> String {
        pad(String(name.prefix(29)), 30) + pad(mode, 8) + pad("\(card.metadataRight)/\(card.metadataTotal)", 6)
            + pad("\(card.paragraphsExact)/\(card.paragraphsTotal)", 9) + pad("\(card.extraParagraphs)", 9)
            + pad("\(card.furnitureLeaks)", 10) + pad("\(card.backMatterLeaks)", 11)
            + pad("\(card.listItemsRight)/\(card.listItemsTotal)", 7) + pad("\(card.headingsMissed)", 9)
            + pad("\(card.headingsInvented)", 11) + pad("\(card.lostToExtractorHyphens)", 12)
            + pad("\(card.notesRight)/\(card.notesTotal)", 6) + "\(card.tablesRight)/\(card.tablesTotal)"
    }

    static func summary(mode: String, cards: [Scorecard]) -> String {
        let meta = cards.reduce(0) { $0 + $1.metadataRight }
        let metaTotal = cards.reduce(0) { $0 + $1.metadataTotal }
        let exact = cards.reduce(0) { $0 + $1.paragraphsExact }
        let total = cards.reduce(0) { $0 + $1.paragraphsTotal }
        let furniture = cards.reduce(0) { $0 + $1.furnitureLeaks }
        let back = cards.reduce(0) { $0 + $1.backMatterLeaks }
        let extra = cards.reduce(0) { $0 + $1.extraParagraphs }
        let lists = cards.reduce(0) { $0 + $1.listItemsRight }
        let listTotal = cards.reduce(0) { $0 + $1.listItemsTotal }
        let missed = cards.reduce(0) { $0 + $1.headingsMissed }
        let invented = cards.reduce(0) { $0 + $1.headingsInvented }
        let hyphens = cards.reduce(0) { $0 + $1.lostToExtractorHyphens }
        let notes = "\(cards.reduce(0) { $0 + $1.notesRight })/\(cards.reduce(0) { $0 + $1.notesTotal })"
        let tables = "\(cards.reduce(0) { $0 + $1.tablesRight })/\(cards.reduce(0) { $0 + $1.tablesTotal })"
        let bar = mode == "pdf" ? (meta: 100.0, paragraphs: 98.0) : (meta: 95.0, paragraphs: 90.0)
        let metaPercent = percent(meta, metaTotal)
        let paragraphPercent = percent(exact, total)
        let passes = metaPercent >= bar.meta && paragraphPercent >= bar.paragraphs && (mode != "pdf" || furniture == 0)
        return "\(pad(mode, 7)) metadata \(meta)/\(metaTotal) (\(format(metaPercent)) %), ¶ exact \(exact)/\(total) (\(format(paragraphPercent)) %), "
            + "extra ¶ \(extra), furniture leaks \(furniture), notes/back matter as ¶ \(back), lists \(lists)/\(listTotal), "
            + "headings missed \(missed), invented \(invented), hyphen lost by pdftotext \(hyphens), notes as notes \(notes), tables as tables \(tables) -- "
            + (passes ? "meets" : "below") + " the bar (metadata ≥ \(format(bar.meta)) %, ¶ ≥ \(format(bar.paragraphs)) %)"
    }

    static func printDetails(_ card: Scorecard) {
        for field in card.wrongFields { print("    wrong \(field)") }
        for text in card.missedParagraphs { print("    missed   \(text.prefix(110))") }
        for text in card.inventedParagraphs { print("    invented \(text.prefix(110))") }
    }

    static func percent(_ part: Int, _ whole: Int) -> Double { whole == 0 ? 100 : Double(part) * 100 / Double(whole) }

    static func format(_ value: Double) -> String { String(format: "%.1f", value) }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
