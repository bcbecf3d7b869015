import DossierCore
import SiteGraph
import Templating

extension PagePlanner {
    /// Words read per minute for the reading-time estimate.
    static let wordsPerMinute = 220

    /// Dates (shown as days, kept whole for `<time datetime>`), last update, reading time and
    /// `extra:` front matter, for a piece's page and for list items.
    static func dateFields(_ document: ContentDocument, into item: inout ContextBuilder) {
        item["date"] = document.date
        item["dateLabel"] = ReadableDate.label(document.date)
        item["dateTime"] = document.dateTime ?? document.date
        if let updated = document.updated, updated != document.date || document.updatedTime != document.dateTime {
            item["updated"] = updated
            item["updatedLabel"] = ReadableDate.label(updated)
            item["updatedDateTime"] = document.updatedTime ?? updated
        }
    }

    /// The page-only fields: reading time and `page.extra`.
    func authoringFields(_ document: ContentDocument, into context: inout ContextBuilder) {
        Self.dateFields(document, into: &context)
        let words = WordCount.of(graph.bodies[document.route]?.plainText ?? "")
        let minutes = max(1, (words + Self.wordsPerMinute / 2) / Self.wordsPerMinute)
        context.set("readingMinutes", minutes)
        context["readingTimeLabel"] = "\(minutes) min read"
        // Drafts reach the output only with --drafts (serve's preview): the page says it is one.
        context.set("isDraft", document.isDraft)
        if case .object(var page)? = context.values["page"] {
            page["extra"] = document.extra.map(Self.templateValue) ?? .null
            context.set("page", .object(page))
        }
    }

    /// `extra:` values as templates see them: text, lists and objects.
    static func templateValue(_ extra: ExtraValue) -> TemplateValue {
        switch extra {
        case .text(let text): .string(text)
        case .list(let items): .list(items.map(templateValue))
        case .map(let entries): .object(Dictionary(entries.map { ($0.key, templateValue($0.value)) }, uniquingKeysWith: { first, _ in first }))
        }
    }
}
