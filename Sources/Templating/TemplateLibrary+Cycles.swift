import DossierCore

extension TemplateLibrary {
    /// Throws at the first tag (templates in name order, tags in source order) that closes a cycle
    /// of partials or parents included unconditionally, since rendering it would never end. A cycle
    /// through a section is allowed: the data ends it, and rendering stops at `maximumIncludeDepth`.
    func checkForCycles() throws(TemplateError) {
        enum Mark { case unvisited, active, done }
        var marks = Array(repeating: Mark.unvisited, count: templates.count)
        // An explicit stack of (template, next reference to follow) keeps deep chains off the call stack.
        for root in templates.indices where marks[root] == .unvisited {
            var path: [(template: Int, next: Int)] = [(root, 0)]
            marks[root] = .active
            while let (index, next) = path.last {
                let references = templates[index].references
                guard next < references.count else {
                    marks[index] = .done
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next += 1
                guard !references[next].isConditional else { continue }
                let target = references[next].template
                switch marks[target] {
                case .done: continue
                case .active:
                    let cycleStart = path.firstIndex { $0.template == target } ?? 0
                    let names = (path[cycleStart...].map { templates[$0.template].name } + [templates[target].name])
                    throw TemplateError(
                        "template '\(templates[target].name)' includes itself (\(names.joined(separator: " -> "))) "
                            + "outside any section, so rendering would never end; put the include inside a section "
                            + "whose data ends the recursion",
                        at: references[next].location
                    )
                case .unvisited:
                    marks[target] = .active
                    path.append((target, 0))
                }
            }
        }
    }
}
