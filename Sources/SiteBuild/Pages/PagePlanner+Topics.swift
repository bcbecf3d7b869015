import DossierCore
import SiteGraph
import Templating

extension PagePlanner {
    func topicPlan(_ topic: ContentDocument) -> PagePlan {
        let route = topic.route
        var context = chrome.context(route: route, title: topic.title, description: topic.summary, kind: "topic", section: RouteTable.topicsIndex, extra: topic.extra)
        context["summary"] = topic.summary
        context.set("body", body(topic))
        var sources: Set<String> = sharedSources.union([topic.sourcePath])

        // One column per brief, in brief order; a brief with no tagged paragraph says so rather than vanishing.
        let tagged = graph.paragraphs(taggedWith: topic.slug)
        let highlighter = IssueSentences(topic: topic)
        context.set("briefs", objects: graph.briefs.map { brief in
            let numbers = tagged.filter { $0.briefSlug == brief.slug }.map(\.number)
            sources.insert(brief.sourcePath)
            var group = briefItem(brief, from: route)
            group["columnID"] = Self.columnID(brief)
            group.set("excerpts", objects: numbers.compactMap { number in
                brief.paragraph(number).map { paragraph in
                    var item = excerpt(paragraph, of: brief, from: route)
                    item["id"] = Self.citedID(brief: brief, paragraph: paragraph)
                    item.set("segments", objects: highlighter.segments(of: paragraph.text))
                    return item
                }
            })
            group.set("excerptCount", numbers.count)
            group["excerptCountLabel"] = English.count(numbers.count, "paragraph")
            return group
        })
        context.set("hasBriefs", !tagged.isEmpty)

        // Cited paragraphs already quoted in the columns are previewed from there; the rest are listed.
        let shown = Set(tagged)
        let cited = citedParagraphs(of: topic).filter { !shown.contains(ParagraphRef(briefSlug: $0.brief.slug, number: $0.paragraph.number)) }
        sources.formUnion(cited.map(\.brief.sourcePath))
        context.set("cited", objects: citedItems(cited, from: route))
        context["citedTitle"] = "Other paragraphs cited"

        let commentary = topicCommentary(topic)
        sources.formUnion(commentary.map(\.sourcePath))
        context.set("commentary", objects: commentary.map { item in
            var builder = link(from: route, to: item.route, title: item.title)
            builder["context"] = item.context
            builder["date"] = item.date
            return builder
        })
        context.set("related", objects: (graph.relatedTopics[topic.slug] ?? []).compactMap { related in
            guard let other = graph.topic(related.slug) else { return nil }
            var item = link(from: route, to: other.route, title: other.title)
            item.set("count", related.sharedParagraphs)
            item["countLabel"] = English.count(related.sharedParagraphs, "shared paragraph")
            item.set("isShared", related.sharedParagraphs > 0)
            return item
        })
        sources.formUnion(graph.topics.map(\.sourcePath))
        return PagePlan(route: route, template: topic.layout?.value ?? "topic", context: context.value, sources: sources)
    }

    /// The id of a brief's column on a topic page (the coverage matrix links to it).
    static func columnID(_ brief: Brief) -> String { "in-" + brief.slug }

    /// A quoted brief paragraph with its ¶ link and page.
    func excerpt(_ paragraph: Paragraph, of brief: Brief, from route: Route) -> ContextBuilder {
        var item = ContextBuilder()
        item.set("number", paragraph.number)
        item["url"] = route.relativeURL(to: brief.route, fragment: paragraph.anchor)
        item["page"] = paragraph.page.map(String.init)
        item["leadIn"] = paragraph.leadIn
        item["text"] = paragraph.text
        item["citation"] = brief.citation(for: paragraph.number...paragraph.number)
        return item
    }

    /// Commentary that links this topic (with the sentence) or lists it in its front matter (with its summary).
    private func topicCommentary(_ topic: ContentDocument) -> [(route: Route, title: String, context: String?, date: String?, sourcePath: String)] {
        var items: [(route: Route, title: String, context: String?, date: String?, sourcePath: String)] = []
        var seen: Set<Route> = []
        for backlink in graph.backlinks[.page(topic.route)] ?? [] where backlink.sourceKind == .commentary {
            guard seen.insert(backlink.sourceRoute).inserted else { continue }
            let document = documentsByRoute[backlink.sourceRoute]
            items.append((backlink.sourceRoute, backlink.sourceTitle, backlink.context, document?.date, backlink.location.path))
        }
        for document in graph.commentary where document.topics.contains(where: { $0.value == topic.slug }) {
            guard seen.insert(document.route).inserted else { continue }
            items.append((document.route, document.title, document.summary, document.date, document.sourcePath))
        }
        return items.sorted { ($0.date ?? "", $1.title) > ($1.date ?? "", $0.title) }
    }

    func topicsIndexPlan() -> PagePlan {
        let route = RouteTable.topicsIndex
        var context = chrome.context(route: route, title: "Alliance issues", description: "Every alliance issue, what each brief says about it, and the commentary on it.", kind: "topics", section: route)
        let commentaryByTopic = graph.commentaryByTopic()
        context.set("topics", objects: graph.topics.map { topic in
            var item = link(from: route, to: topic.route, title: topic.title)
            item["summary"] = topic.summary
            let tagged = graph.paragraphs(taggedWith: topic.slug)
            let pieces = commentaryByTopic[topic.slug]?.count ?? 0
            item.set("paragraphCount", tagged.count)
            item.set("commentaryCount", pieces)
            item["paragraphCountLabel"] = English.count(tagged.count, "brief paragraph")
            item["commentaryCountLabel"] = English.count(pieces, "commentary piece")
            return item
        })
        context.set("coverage", CoverageMatrix(graph: graph).context(from: route))
        let sources = sharedSources.union(graph.topics.map(\.sourcePath)).union(graph.briefs.map(\.sourcePath)).union(graph.commentary.map(\.sourcePath))
        return PagePlan(route: route, template: "topics", context: context.value, sources: sources)
    }

    func commentaryIndexPlan() -> PagePlan {
        let route = RouteTable.commentaryIndex
        var context = chrome.context(route: route, title: "Commentary", description: "Commentary comparing the briefs, newest first.", kind: "commentary-index", section: route)
        context.set("items", objects: graph.commentary.map { commentaryItem($0, from: route) })
        return PagePlan(route: route, template: "commentary-index", context: context.value,
                        sources: sharedSources.union(graph.commentary.map(\.sourcePath)).union(graph.topics.map(\.sourcePath)))
    }

    func briefsIndexPlan() -> PagePlan {
        let route = RouteTable.briefsIndex
        var context = chrome.context(route: route, title: "Briefs", description: "The policy briefs this site is built from.", kind: "briefs", section: route)
        context.set("briefs", objects: graph.briefs.map { briefItem($0, from: route) })
        return PagePlan(route: route, template: "briefs", context: context.value, sources: sharedSources.union(graph.briefs.map(\.sourcePath)))
    }
}
