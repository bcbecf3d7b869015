import DossierCLI

/// The `dossier` executable: everything lives in DossierCLI so tests can drive the commands.
@main
enum DossierEntry {
    static func main() async {
        await DossierCommand.main()
    }
}
