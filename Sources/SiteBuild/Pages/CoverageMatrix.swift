import DossierCore
import SiteGraph
import Templating

/// The issues × briefs coverage matrix, rendered by `partials/coverage.html` as a table whose cells
/// are shaded by count (an HTML table rather than a chart, so its links are ordinary links).
struct CoverageMatrix {
    let graph: SiteGraph

    /// Template values: `columns` (one per brief) and `rows` (one per issue, whose `cells` hold
    /// `count`, `level`, 0–4, the shade of the cell).
    func context(from route: Route) -> TemplateValue {
        let counts = graph.topics.map { topic in graph.briefs.map { graph.coverage(topic: topic.slug, brief: $0.slug) } }
        let maximum = max(counts.flatMap { $0 }.max() ?? 0, 1)
        var context = ContextBuilder()
        context.set("columns", objects: graph.briefs.map { brief in
            var column = ContextBuilder()
            column["title"] = brief.metadata.citationLabel
            column["url"] = route.relativeURL(to: brief.route)
            return column
        })
        context.set("maximum", counts.flatMap { $0 }.max() ?? 0)
        context.set("rows", objects: zip(graph.topics, counts).map { topic, row in
            var item = ContextBuilder()
            item["title"] = topic.title
            item["url"] = route.relativeURL(to: topic.route)
            item.set("cells", objects: zip(graph.briefs, row).map { brief, count in
                var cell = ContextBuilder()
                cell.set("count", count)
                cell["url"] = route.relativeURL(to: topic.route, fragment: PagePlanner.columnID(brief))
                cell["label"] = "\(English.count(count, "paragraph")) of \(brief.metadata.citationLabel) on \(topic.title)"
                // Five shades; the stylesheet keeps the count's contrast readable on each.
                cell.set("level", count == 0 ? 0 : 1 + (count * 4 - 1) / maximum)
                return cell
            })
            return item
        })
        return context.value
    }
}
