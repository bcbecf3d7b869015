// swift-tools-version:6.0
import PackageDescription

// Layers (a module imports only modules on lower layers):
// 0 CMarkGFM, CPoppler, DossierCore, PreviewHTTP · 1 MarkdownRendering, Templating, FrontMatter, PDFText
// 2 BriefImport (sidecars are YAML), SiteGraph · 3 PDFImport, SiteLoading · 4 SiteBuild · 5 PreviewServer · 6 DossierCLI, dossier
let package = Package(
    name: "dossier",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        .executable(name: "dossier-bench", targets: ["DossierBench"]),
        .executable(name: "dossier-import-score", targets: ["ImportScore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // poppler's GLib interface: `dossier import brief.pdf` reads the PDF's text layer with fonts and positions.
        .systemLibrary(name: "CPoppler", pkgConfig: "poppler-glib", providers: [.apt(["libpoppler-glib-dev"])]),
        .target(name: "PDFText", dependencies: ["CPoppler"]),
        .target(name: "PDFImport", dependencies: ["PDFText", "BriefImport", "DossierCore"]),
        .target(name: "DossierCore"),
        // The preview's HTTP/1.1 server; knows nothing of dossier, so it can be fuzzed alone.
        .target(name: "PreviewHTTP"),
        .target(name: "BriefImport", dependencies: ["DossierCore", "FrontMatter"]),
        .target(name: "MarkdownRendering", dependencies: ["CMarkGFM", "DossierCore"]),
        .target(name: "Templating", dependencies: ["DossierCore"]),
        .target(name: "FrontMatter", dependencies: ["DossierCore", "Yams"]),
        .target(name: "SiteGraph", dependencies: ["DossierCore", "MarkdownRendering"]),
        // Reads content/ and templates/ into one value for the graph; knows nothing of output.
        .target(
            name: "SiteLoading",
            dependencies: ["DossierCore", "BriefImport", "FrontMatter", "MarkdownRendering", "Templating", "SiteGraph"]
        ),
        .target(
            name: "SiteBuild",
            dependencies: ["DossierCore", "MarkdownRendering", "Templating", "SiteGraph", "SiteLoading"]
        ),
        .target(
            name: "PreviewServer",
            dependencies: ["DossierCore", "PreviewHTTP"]
        ),
        .target(
            name: "DossierCLI",
            dependencies: [
                "DossierCore", "FrontMatter", "SiteLoading", "SiteGraph", "SiteBuild", "PreviewServer", "BriefImport", "PDFImport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "dossier", dependencies: ["DossierCLI"]),
        // `make bench`: corpus generator and timings; not part of the tool users run.
        .target(name: "BenchCorpus"),
        .executableTarget(
            name: "DossierBench",
            dependencies: [
                "DossierCore", "MarkdownRendering", "SiteBuild", "BenchCorpus",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // `make import-score`: the importer against the scored corpus in Tests/Fixtures/import-corpus.
        .executableTarget(name: "ImportScore", dependencies: ["BriefImport", "PDFImport", "DossierCore"]),
        .testTarget(name: "PDFImportTests", dependencies: ["PDFImport", "PDFText", "BriefImport", "DossierCore"]),

        // Random texts for tests that compare a fast reader with its definition.
        .target(name: "RandomText", path: "Tests/RandomText"),
        .testTarget(name: "DossierCoreTests", dependencies: ["DossierCore", "RandomText"]),
        .testTarget(name: "BriefImportTests", dependencies: ["BriefImport", "DossierCore"]),
        .testTarget(name: "MarkdownRenderingTests", dependencies: ["MarkdownRendering", "DossierCore"]),
        .testTarget(
            name: "TemplatingTests",
            dependencies: ["Templating", "DossierCore", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .testTarget(name: "FrontMatterTests", dependencies: ["FrontMatter", "DossierCore"]),
        .testTarget(name: "SiteGraphTests", dependencies: ["SiteGraph", "DossierCore"]),
        // Test sites as a shared base plus one `.case` file each (Tests/Fixtures/README.md).
        .target(name: "SiteFixtures", path: "Tests/SiteFixtures"),
        .testTarget(name: "SiteBuildTests", dependencies: ["SiteBuild", "SiteLoading", "DossierCore", "SiteFixtures", "RandomText"]),
        .testTarget(
            name: "PreviewServerTests", dependencies: ["PreviewServer", "PreviewHTTP", "SiteBuild", "DossierCore"]
        ),
        .testTarget(name: "DossierCLITests", dependencies: ["DossierCLI", "DossierCore", "SiteFixtures"]),
        .testTarget(name: "DossierBenchTests", dependencies: ["BenchCorpus", "SiteBuild", "DossierCore"]),
    ]
)
