import ArgumentParser

/// The `dossier` command and its subcommands.
public struct DossierCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "dossier", abstract: "Build a cross-linked report site from briefs and commentary.")
    public init() {}
}
