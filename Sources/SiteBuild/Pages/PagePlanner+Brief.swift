import DossierCore
import SiteGraph
import Templating

extension PagePlanner {
    func briefPlan(_ brief: Brief) -> PagePlan {
        let route = brief.route
        let metadata = brief.metadata
        var context = chrome.context(route: route, title: metadata.title, description: metadata.subtitle, kind: "brief", section: RouteTable.briefsIndex, date: metadata.date)
        var info = briefItem(brief, from: route)
        info["program"] = metadata.program
        info["sourceURL"] = metadata.sourceURL
        info["rawURL"] = route.relativeURL(to: RouteTable.briefSource(brief.slug))
        info["pdfURL"] = brief.originalPDF.map { _ in route.relativeURL(to: RouteTable.briefPDF(brief.slug)) }
        info["pageCount"] = brief.pageCount.map(String.init)
        context.set("brief", info.value)
        let citable = Reference(brief: brief, baseURL: graph.config.baseURL)
        context.set("cite", CitationFiles.context(citable, page: route).value)

        var sources: Set<String> = sharedSources.union([brief.sourcePath])
        let headed = brief.sections.filter { $0.heading != nil }
        context.set("toc", objects: headed.count < Self.contentsThreshold ? [] : headed.compactMap { section in
            guard let heading = section.heading else { return nil }
            var item = ContextBuilder()
            item["title"] = heading
            item["url"] = route.selfURL(fragment: section.slug)
            return item
        })
        // A note's first marker carries the id its back link points to.
        var firstMarkers: Set<Int> = []
        context.set("sections", objects: brief.sections.map { section in
            var item = ContextBuilder()
            item["heading"] = section.heading
            item["id"] = section.slug
            item.set("paragraphs", objects: section.paragraphs.map { paragraph in
                let reference = ParagraphRef(briefSlug: brief.slug, number: paragraph.number)
                let citedBy = graph.backlinks[.paragraph(reference)] ?? []
                sources.formUnion(citedBy.map(\.location.path))
                var item = paragraphItem(paragraph, of: brief, from: route, citedBy: citedBy, firstMarkers: &firstMarkers)
                CitationFiles.paragraphContext(citable, number: paragraph.number, into: &item)
                return item
            })
            return item
        })
        context.set("notes", objects: BriefNotesContext.notes(brief, route: route))
        sources.formUnion(graph.topics.map(\.sourcePath))
        return PagePlan(route: route, template: "brief", context: context.value, sources: sources)
    }

    private func paragraphItem(
        _ paragraph: Paragraph, of brief: Brief, from route: Route, citedBy: [Backlink], firstMarkers: inout Set<Int>
    ) -> ContextBuilder {
        var item = excerpt(paragraph, of: brief, from: route)
        item["id"] = paragraph.anchor
        item["url"] = route.selfURL(fragment: paragraph.anchor)
        item.set("isTable", false)
        item.set("isCaption", false)
        item.set("segments", objects: BriefNotesContext.segments(paragraph, route: route, firstMarkers: &firstMarkers))
        switch paragraph.kind {
        case .prose: item["listMarker"] = nil
        case .bulletItem: item["listMarker"] = "•"
        case .numberedItem(let number): item["listMarker"] = "\(number)."
        case .table(let rows): BriefNotesContext.table(rows, into: &item)
        case .caption: item.set("isCaption", true)
        }
        let tags = graph.paragraphTags[ParagraphRef(briefSlug: brief.slug, number: paragraph.number)] ?? []
        item.set("tags", objects: topicLinks(tags, from: route))
        let citing = citingPages(citedBy, from: route)
        item.set("citedBy", objects: citing)
        // One control folds the ¶'s issues, citation and citing pages; its label says what is inside.
        var folded = [tags.isEmpty ? nil : English.count(tags.count, "issue"), "cite"]
        if !citing.isEmpty { folded.append("cited by \(citing.count)") }
        item["moreLabel"] = folded.compactMap { $0 }.joined(separator: " · ")
        if let base = graph.config.baseURL {
            item["permalink"] = brief.route.absoluteURL(base: base) + "#" + paragraph.anchor
        }
        return item
    }

    /// Each citing page once, with a link to every sentence of it that cites the paragraph.
    func citingPages(_ backlinks: [Backlink], from route: Route) -> [ContextBuilder] {
        var order: [Route] = []
        var byPage: [Route: [Backlink]] = [:]
        for backlink in backlinks {
            if byPage[backlink.sourceRoute] == nil { order.append(backlink.sourceRoute) }
            byPage[backlink.sourceRoute, default: []].append(backlink)
        }
        return order.compactMap { page in
            guard let links = byPage[page], let first = links.first else { return nil }
            var item = link(from: route, to: page, title: first.sourceTitle)
            item["context"] = first.context
            item.set("sentences", objects: links.map { backlink in
                var sentence = ContextBuilder()
                sentence["context"] = backlink.context
                sentence["url"] = route.relativeURL(to: page, fragment: backlink.anchor)
                sentence.set("quotes", objects: backlink.quotes.map { words in
                    var quote = ContextBuilder()
                    quote["words"] = words
                    return quote
                })
                return sentence
            })
            return item
        }
    }
}
