import ArgumentParser

/// The `dossier` command and its subcommands.
public struct DossierCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Build a cross-linked report site from policy briefs and Markdown commentary.",
        subcommands: [InitCommand.self, BuildCommand.self, ServeCommand.self, CheckCommand.self, ImportCommand.self, NewCommand.self, TemplatesCommand.self],
        defaultSubcommand: BuildCommand.self
    )

    /// Creates the command (ArgumentParser needs a public initialiser).
    public init() {}
}
