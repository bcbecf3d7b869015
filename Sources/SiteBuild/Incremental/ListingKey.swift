import DossierCore
import SiteGraph
import Templating

/// What the pages that list a commentary piece show of it: equal keys before and after an edit mean
/// no list needs planning again. Made by the same code that fills the lists, so it cannot drift.
struct ListingKey: Equatable {
    /// The piece as the commentary index and the home page list it (`PagePlanner.commentaryItem`),
    /// which shows everything the topic pages' lists show too (title, date, summary, topics).
    var item: TemplateValue
    /// Topics whose pages it links to: they count it as theirs too (`SiteGraph.commentaryByTopic`).
    var linkedTopics: [String]

    /// The keys of the commentary pieces among `paths`.
    static func commentary(in graph: SiteGraph, at paths: Set<String>) -> [String: ListingKey] {
        var keys: [String: ListingKey] = [:]
        for document in graph.commentary where paths.contains(document.sourcePath) {
            keys[document.sourcePath] = ListingKey(
                item: PagePlanner.commentaryItem(document, from: RouteTable.commentaryIndex, in: graph).value,
                linkedTopics: graph.topicSlugs(linkedFrom: document.route)
            )
        }
        return keys
    }
}
