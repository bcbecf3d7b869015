import DossierCLI

await DossierCommand.main()
