import DossierCore
import SiteGraph
import Templating

/// The issues × briefs coverage matrix: an inline SVG drawn at build time plus the same numbers as a table.
struct CoverageMatrix {
    let graph: SiteGraph

    private let labelWidth = 250
    private let cellWidth = 120
    private let cellHeight = 28
    private let headerHeight = 44

    /// Template values: `svg` (raw markup), `columns` and `rows` for the table.
    func context(from route: Route) -> TemplateValue {
        let counts = graph.topics.map { topic in graph.briefs.map { graph.coverage(topic: topic.slug, brief: $0.slug) } }
        var context = ContextBuilder()
        context["svg"] = svg(counts: counts, from: route)
        context.set("columns", objects: graph.briefs.map { brief in
            var column = ContextBuilder()
            column["title"] = brief.metadata.citationLabel
            column["url"] = route.relativeURL(to: brief.route)
            return column
        })
        context.set("rows", objects: zip(graph.topics, counts).map { topic, row in
            var item = ContextBuilder()
            item["title"] = topic.title
            item["url"] = route.relativeURL(to: topic.route)
            item.set("cells", list: row.map { .int($0) })
            return item
        })
        return context.value
    }

    private func svg(counts: [[Int]], from route: Route) -> String {
        let maximum = max(counts.flatMap { $0 }.max() ?? 0, 1)
        let width = labelWidth + cellWidth * graph.briefs.count
        let height = headerHeight + cellHeight * graph.topics.count
        let description = "Number of paragraphs of each brief tagged with each issue; darker cells mean more paragraphs."
        var svg = "<svg class=\"coverage-svg\" role=\"img\" aria-labelledby=\"coverage-title coverage-desc\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title id=\"coverage-title\">Coverage of alliance issues by brief</title>"
        svg += "<desc id=\"coverage-desc\">\(description.htmlEscaped)</desc>"
        for (column, brief) in graph.briefs.enumerated() {
            let x = labelWidth + column * cellWidth + cellWidth / 2
            svg += "<a href=\"\(route.relativeURL(to: brief.route).htmlEscaped)\"><text class=\"coverage-head\" x=\"\(x)\" y=\"\(headerHeight - 14)\" text-anchor=\"middle\">\(brief.metadata.citationLabel.htmlEscaped)</text></a>"
        }
        for (row, topic) in graph.topics.enumerated() {
            let y = headerHeight + row * cellHeight
            svg += "<a href=\"\(route.relativeURL(to: topic.route).htmlEscaped)\"><text class=\"coverage-label\" x=\"\(labelWidth - 10)\" y=\"\(y + cellHeight / 2 + 5)\" text-anchor=\"end\">\(topic.title.htmlEscaped)</text></a>"
            for (column, count) in counts[row].enumerated() {
                let x = labelWidth + column * cellWidth
                // Shade in five steps so the contrast of the count stays readable.
                let level = count == 0 ? 0 : 1 + (count * 4 - 1) / maximum
                svg += "<rect class=\"coverage-cell level-\(level)\" x=\"\(x + 2)\" y=\"\(y + 2)\" width=\"\(cellWidth - 4)\" height=\"\(cellHeight - 4)\" rx=\"3\"/>"
                svg += "<text class=\"coverage-count level-\(level)\" x=\"\(x + cellWidth / 2)\" y=\"\(y + cellHeight / 2 + 5)\" text-anchor=\"middle\">\(count)</text>"
            }
        }
        return svg + "</svg>"
    }
}
