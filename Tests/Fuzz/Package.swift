// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for dossier's parsers, kept out of the main build (`make fuzz`).
// The root package exports no library products, so the modules under test are compiled
// here from symlinks in Mirror/ to ../../Sources/<Module>; with library products in the root
// Package.swift these would become `.product(name:package: "dossier")` dependencies instead.
let package = Package(
    name: "dossier-fuzz",
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CMarkGFM",
            path: "Mirror/CMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "DossierCore", path: "Mirror/DossierCore"),
        .target(name: "FrontMatter", dependencies: ["DossierCore", "Yams"], path: "Mirror/FrontMatter"),
        .target(name: "Templating", dependencies: ["DossierCore"], path: "Mirror/Templating"),
        .target(name: "BriefImport", dependencies: ["DossierCore", "FrontMatter"], path: "Mirror/BriefImport"),
        .target(name: "MarkdownRendering", dependencies: ["CMarkGFM", "DossierCore"], path: "Mirror/MarkdownRendering"),
        .target(name: "PreviewHTTP", path: "Mirror/PreviewHTTP"),
        .target(name: "PreviewServer", dependencies: ["DossierCore", "PreviewHTTP"], path: "Mirror/PreviewServer"),

        .target(name: "FuzzSupport", path: "Targets/FuzzSupport"),
        .executableTarget(name: "FuzzFrontMatter", dependencies: ["FrontMatter", "DossierCore", "FuzzSupport"], path: "Targets/FuzzFrontMatter"),
        .executableTarget(name: "FuzzTemplates", dependencies: ["Templating", "DossierCore", "FuzzSupport"], path: "Targets/FuzzTemplates"),
        .executableTarget(name: "FuzzBriefImport", dependencies: ["BriefImport", "DossierCore", "FuzzSupport"], path: "Targets/FuzzBriefImport"),
        .executableTarget(name: "FuzzMarkdown", dependencies: ["MarkdownRendering", "DossierCore", "FuzzSupport"], path: "Targets/FuzzMarkdown"),
        .executableTarget(
            name: "FuzzHTTPRequest", dependencies: ["PreviewHTTP", "PreviewServer", "FuzzSupport"], path: "Targets/FuzzHTTPRequest"
        ),
    ]
)
