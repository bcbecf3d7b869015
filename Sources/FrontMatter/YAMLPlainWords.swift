import DossierCore
import Yams

/// The YAML parser's commonest complaints, said in an author's words with what to write instead.
enum YAMLPlainWords {
    static func explain(problem: String, yaml: String, mark: Mark?, lineOffset: Int) -> (position: TextPosition, message: String)? {
        guard let mark else { return nil }
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let line = mark.line >= 1 && mark.line <= lines.count ? Array(lines[mark.line - 1]) : []
        let here = TextPosition(line: mark.line + lineOffset, column: max(mark.column, 1))
        let character = mark.column >= 1 && mark.column <= line.count ? line[mark.column - 1] : nil
        // A tab anywhere in the indentation of this line or the one before is the usual cause.
        if problem.contains("cannot start any token") || problem.contains("tab") {
            for number in stride(from: mark.line, through: max(1, mark.line - 1), by: -1) where number <= lines.count {
                let text = Array(lines[number - 1])
                if let tab = text.firstIndex(of: "\t") {
                    return (TextPosition(line: number + lineOffset, column: tab + 1),
                            "a tab character: YAML indents with spaces only; replace the tab with spaces")
                }
            }
        }
        if problem.contains("cannot start any token"), let character, "@`%".contains(character) {
            return (here, "a value cannot start with '\(character)': put the whole value in double quotes")
        }
        if problem.contains("mapping values are not allowed"), !line.prefix(max(0, mark.column - 1)).contains(":"),
           line.first == " " {
            return (TextPosition(line: here.line, column: 1),
                    "this line is indented, so YAML reads it as part of the line above: start 'key: value' lines at the left edge (indent only list items and nested keys)")
        }
        if problem.contains("mapping values are not allowed") {
            return (here, "a second ':' on this line: YAML reads 'key: value' once per line, so put a value that holds ': ' in double quotes, as in title: \"Part 2: the sequel\"")
        }
        if problem.contains("could not find expected ':'") {
            return (TextPosition(line: max(1, mark.line - 1) + lineOffset, column: 1),
                    "this line is not 'key: value': check for a missing ':' or a value that runs onto the next line (put long values in double quotes)")
        }
        if problem.contains("did not find expected key") {
            return (here, "unexpected indentation or text here: every line of front matter is 'key: value' at the same indentation, or a '- item' under a list key")
        }
        return nil
    }
}
