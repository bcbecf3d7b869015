import ArgumentParser
import DossierCore
import Foundation

/// `dossier new`: starts a commentary piece, topic or page with its front matter filled in.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a commentary piece, topic or page from a skeleton (never overwrites)."
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case commentary, topic, page

        var folder: String { self == .page ? "pages" : self == .topic ? "topics" : "commentary" }
    }

    @Argument(help: "What to create: commentary, topic or page.")
    var kind: Kind

    @Argument(help: "The slug, which is also the URL and file name (lower-case letters, digits, '-').")
    var slug: String

    @Option(name: .long, help: "The title (defaults to one made from the slug).")
    var title: String?

    @Option(name: .long, help: "Folder of content.")
    var content = "content"

    @Option(name: .long, help: "The date to write (YYYY-MM-DD); defaults to today.")
    var date: String?

    func run() throws {
        guard Slug.isValid(slug) else {
            throw ValidationError("'\(slug)' is not a valid slug: use lower-case letters, digits, '-' and '_'")
        }
        let path = Path.join(content, kind.folder, slug + ".md")
        guard !FileManager.default.fileExists(atPath: path) else {
            throw ValidationError("\(path) already exists; choose another slug or edit it")
        }
        let heading = title ?? slug.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        try FileManager.default.createDirectory(atPath: Path.join(content, kind.folder), withIntermediateDirectories: true)
        try Data(skeleton(title: heading).utf8).write(to: URL(fileURLWithPath: path))
        print("created \(path)")
    }

    private func skeleton(title: String) -> String {
        let quoted = "\"" + title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        switch kind {
        case .commentary:
            return """
            ---
            title: \(quoted)
            date: \(date ?? Self.today())
            summary: ""
            topics: []
            draft: true
            ---
            Write here. Cite a brief paragraph with [[brief-slug#p1]] and link an issue with [[topic-slug]].

            """
        case .topic:
            return """
            ---
            title: \(quoted)
            summary: ""
            aliases: []
            related: []
            ---
            An overview of the issue, citing the briefs with [[brief-slug#p1]].

            """
        case .page:
            return """
            ---
            title: \(quoted)
            ---
            Write here.

            """
        }
    }

    private static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
