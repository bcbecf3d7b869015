import DossierCore
import SiteGraph
import Templating

extension PagePlanner {
    func briefPlan(_ brief: Brief) -> PagePlan {
        let route = brief.route
        let metadata = brief.metadata
        var context = chrome.context(route: route, title: metadata.title, description: metadata.subtitle, kind: "brief", section: Route(page: "briefs"))
        var info = briefItem(brief, from: route)
        info["program"] = metadata.program
        info["sourceURL"] = metadata.sourceURL
        info["rawURL"] = route.relativeURL(to: Route(file: "briefs/\(brief.slug)/source.txt"))
        info["pageCount"] = brief.pageCount.map(String.init)
        context.set("brief", info.value)

        var sources: Set<String> = sharedSources.union([brief.sourcePath])
        context.set("toc", objects: brief.sections.compactMap { section in
            guard let heading = section.heading else { return nil }
            var item = ContextBuilder()
            item["title"] = heading
            item["url"] = route.selfURL(fragment: section.slug)
            return item
        })
        context.set("sections", objects: brief.sections.map { section in
            var item = ContextBuilder()
            item["heading"] = section.heading
            item["id"] = section.slug
            item.set("paragraphs", objects: section.paragraphs.map { paragraph in
                let reference = ParagraphRef(briefSlug: brief.slug, number: paragraph.number)
                let citedBy = graph.backlinks[.paragraph(reference)] ?? []
                sources.formUnion(citedBy.map(\.location.path))
                return paragraphItem(paragraph, of: brief, from: route, citedBy: citedBy)
            })
            return item
        })
        sources.formUnion(graph.topics.map(\.sourcePath))
        return PagePlan(route: route, template: "brief", context: context.value, sources: sources)
    }

    private func paragraphItem(_ paragraph: Paragraph, of brief: Brief, from route: Route, citedBy: [Backlink]) -> ContextBuilder {
        var item = excerpt(paragraph, of: brief, from: route)
        item["id"] = paragraph.anchor
        item["url"] = route.selfURL(fragment: paragraph.anchor)
        switch paragraph.kind {
        case .prose: item["listMarker"] = nil
        case .bulletItem: item["listMarker"] = "•"
        case .numberedItem(let number): item["listMarker"] = "\(number)."
        }
        let tags = graph.paragraphTags[ParagraphRef(briefSlug: brief.slug, number: paragraph.number)] ?? []
        item.set("tags", objects: topicLinks(tags, from: route))
        item.set("citedBy", objects: backlinkItems(citedBy, from: route))
        if let base = graph.config.baseURL {
            item["permalink"] = brief.route.absoluteURL(base: base) + "#" + paragraph.anchor
        }
        return item
    }
}
