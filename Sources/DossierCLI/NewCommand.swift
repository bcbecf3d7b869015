import ArgumentParser
import DossierCore
import Foundation
import FrontMatter
import SiteLoading

/// `dossier new`: starts a commentary piece, topic, page or author with its front matter filled in.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a commentary piece, topic, page or author from a skeleton (never overwrites)."
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case commentary, topic, page, author

        var folder: String {
            switch self {
            case .commentary: "commentary"
            case .topic: "topics"
            case .page: "pages"
            case .author: "authors"
            }
        }

        var documentKind: ContentDocument.Kind {
            switch self {
            case .commentary: .commentary
            case .topic: .topic
            case .page: .page
            case .author: .author
            }
        }
    }

    @Argument(help: "What to create: commentary, topic, page or author.")
    var kind: Kind

    @Argument(help: "The slug, which is also the URL and file name: \(Slug.rule).")
    var slug: String

    @Option(name: .long, help: "The title, or an author's name (defaults to one made from the slug).")
    var title: String?

    @Option(name: .long, help: "Folder of content.")
    var content = "content"

    @Option(name: .long, help: "The date to write (YYYY-MM-DD, or with a time: 2024-11-25T10:00:00Z); defaults to today.")
    var date: String?

    func run() throws {
        guard Slug.isValid(slug) else {
            throw ValidationError("'\(slug)' is not a valid slug: \(Slug.rule)")
        }
        if let date, case .failure(let problem) = DateField.parse(date) {
            throw ValidationError("--date \(problem.message.hasPrefix("must") ? problem.message : "is not a real date (\(problem.message))")")
        }
        let path = Path.join(content, kind.folder, slug + ".md")
        guard !FileManager.default.fileExists(atPath: path) else {
            throw ValidationError("\(path) already exists; choose another slug or edit it")
        }
        if let taken = Self.owner(of: slug, in: content) ?? SlugConflict.find(kind: kind.documentKind, slug: slug, content: content) {
            throw ValidationError("slug '\(slug)' is already used by \(taken); slugs must be unique across topics, briefs, commentary, pages and authors: choose another")
        }
        let heading = title ?? slug.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        try FileManager.default.createDirectory(atPath: Path.join(content, kind.folder), withIntermediateDirectories: true)
        try Data(skeleton(title: heading).utf8).write(to: URL(fileURLWithPath: path))
        print("created \(path)\(kind == .commentary ? " (a draft: 'dossier serve --drafts' shows it with a draft banner; set draft: false to publish)" : "")")
    }

    /// The file that already gives a page this slug, by its file name (front matter `slug:` aside).
    static func owner(of slug: String, in content: String) -> String? {
        let candidates = Kind.allCases.map(\.folder).flatMap { [Path.join(content, $0, slug + ".md"), Path.join(content, $0, slug, "index.md")] }
            + [Path.join(content, "briefs", slug + ".txt")]
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
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
            Write here. To cite paragraph 12 of a brief, put its slug (the name of its file in
            content/briefs, without .txt) and #p12 inside double square brackets; to link an issue,
            put the topic's slug inside them. Add the issues this piece discusses to topics above.

            """
        case .topic:
            return """
            ---
            title: \(quoted)
            summary: ""
            phrases: []
            related: []
            ---
            An overview of the issue. List under phrases the words that mark a brief paragraph as being
            about it; cite a paragraph by putting the brief's slug and #p12 inside double square brackets.

            """
        case .page:
            return """
            ---
            title: \(quoted)
            ---
            Write here.

            """
        case .author:
            return """
            ---
            name: \(quoted)
            # role: Senior fellow
            # affiliation: Example Institute
            # url: https://example.org/
            ---
            A short biography in Markdown. Commentary names this author with 'authors: [\(slug)]'.

            """
        }
    }

    static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
