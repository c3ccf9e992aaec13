// swift-tools-version: 6.0
import PackageDescription

// The modules and who may import whom are written down in docs/architecture.md and checked by
// scripts/check-architecture (run by the tests): a target's dependencies here are its allowed edges.
let yams = Target.Dependency.product(name: "Yams", package: "Yams")

let package = Package(
    name: "Attendoc",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "attendoc", targets: ["attendoc"]),
        .library(name: "Attendoc", targets: [
            "AttendocValues", "AttendocYAML", "AttendocCaseModel", "AttendocPolicy", "AttendocRegister",
            "AttendocEngine", "AttendocCasework", "AttendocDocuments", "AttendocPrograms", "AttendocRendering",
            "AttendocBundle", "AttendocWorkspace", "AttendocIssuing", "AttendocPanel", "AttendocWeb",
        ]),
        .library(name: "AttendocTesting", targets: ["AttendocTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        // Hummingbird's own HTTP types (header names, fields), already in its graph.
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // Hummingbird's service runner, already in its graph: the web tests stop the site gracefully.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // libxml2, libxslt and libexslt from the system (Debian: libxml2-dev, libxslt1-dev).
        .systemLibrary(
            name: "CLibXSLT",
            pkgConfig: "libexslt",
            providers: [.apt(["libxslt1-dev", "libxml2-dev"]), .brew(["libxslt"])]
        ),
        // libxslt reports errors through printf-style variadic callbacks, which Swift cannot implement.
        .target(name: "CLibXSLTErrorCapture", dependencies: ["CLibXSLT"]),
        // The one module that touches the C libraries: safe parsing, schema validation, XSLT.
        .target(name: "SafeXML", dependencies: ["CLibXSLT", "CLibXSLTErrorCapture"]),

        // Values every stage shares: calendar dates, shares, postal addresses, file names, errors,
        // where the product files are.
        .target(name: "AttendocValues"),
        // Strict YAML reading: located errors, no unknown keys, bounded aliases.
        .target(name: "AttendocYAML", dependencies: ["AttendocValues", yams]),
        // The case file: pupil, parents, school, meetings, letters, referrals, legal route.
        .target(name: "AttendocCaseModel", dependencies: ["AttendocValues", "AttendocYAML", yams]),
        // Policies (thresholds, bands, deadlines, letter settings) and the school calendar.
        .target(name: "AttendocPolicy", dependencies: ["AttendocValues", "AttendocYAML", yams]),
        // Register exports (CSV, DfE CTF) read into marks.
        .target(name: "AttendocRegister", dependencies: ["AttendocValues", "SafeXML"]),
        // The attendance engine: figures and deadlines from a register and a policy. No case model.
        .target(name: "AttendocEngine", dependencies: ["AttendocValues", "AttendocPolicy", "AttendocRegister"]),
        // A case with its policy and register loaded; who receives letters; readiness for court.
        .target(name: "AttendocCasework", dependencies: [
            "AttendocValues", "AttendocYAML", "AttendocCaseModel", "AttendocPolicy", "AttendocRegister", "AttendocEngine",
        ]),
        // Case → validated document XML, through the templates. Nothing else.
        .target(name: "AttendocDocuments", dependencies: [
            "AttendocValues", "AttendocYAML", "AttendocCaseModel", "AttendocPolicy", "AttendocRegister", "AttendocEngine",
            "AttendocCasework", "SafeXML", .product(name: "Mustache", package: "swift-mustache"),
        ]),
        // Starting a program in a process group of its own that dies with Attendoc (fork, prctl,
        // exec: what posix_spawn cannot do), and waiting for it with a time limit.
        .target(name: "CAttendocSpawn"),
        // Programs Attendoc runs: Apache FOP and qpdf, with time limits; private temporary
        // folders; what an interruption cleans up.
        .target(name: "AttendocPrograms", dependencies: ["AttendocValues", "CAttendocSpawn"]),
        // Document XML → HTML, text, DOCX, PDF files, written all or nothing. Never sees a case.
        .target(name: "AttendocRendering", dependencies: [
            "AttendocValues", "AttendocPrograms", "SafeXML", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // The casework record: cases and their versions, register imports and mark history, every
        // document issued with its archived bytes (SQLite through GRDB). Knows no templates.
        .target(name: "AttendocWorkspace", dependencies: ["AttendocValues", .product(name: "GRDB", package: "GRDB.swift")]),
        // Issuing documents into the record, and what the record answers: history, due list.
        .target(name: "AttendocIssuing", dependencies: [
            "AttendocValues", "AttendocYAML", "AttendocCaseModel", "AttendocPolicy", "AttendocRegister", "AttendocEngine",
            "AttendocCasework", "AttendocDocuments", "AttendocPrograms", "AttendocRendering", "AttendocBundle", "AttendocWorkspace",
        ]),
        // The multi-agency attendance panel (seed 000): referrals, intake, the day, minutes, themes.
        .target(name: "AttendocPanel", dependencies: [
            "AttendocValues", "AttendocYAML", "AttendocCaseModel", "AttendocPolicy", "AttendocDocuments", "AttendocWorkspace",
            "AttendocPrograms", "AttendocRendering",
        ]),
        // The web front end (`attendoc serve`): staff accounts, sessions, the screens, over the record.
        .target(name: "AttendocWeb", dependencies: [
            "AttendocValues", "AttendocCaseModel", "AttendocPolicy", "AttendocCasework", "AttendocEngine", "AttendocPrograms", "AttendocWorkspace",
            "AttendocIssuing", "AttendocPanel", .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
        ]),
        // The evidence bundle for court.
        .target(name: "AttendocBundle", dependencies: [
            "AttendocValues", "AttendocCaseModel", "AttendocPolicy", "AttendocRegister", "AttendocEngine",
            "AttendocCasework", "AttendocDocuments", "AttendocPrograms", "AttendocRendering", "SafeXML",
        ]),
        // The command line, thin over the library.
        .executableTarget(
            name: "attendoc",
            dependencies: [
                "AttendocValues", "AttendocCaseModel", "AttendocPolicy", "AttendocRegister", "AttendocEngine",
                "AttendocCasework", "AttendocDocuments", "AttendocPrograms", "AttendocRendering", "AttendocBundle",
                "AttendocWorkspace", "AttendocIssuing", "AttendocPanel", "AttendocWeb", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Builders and readers for tests: registers, CTF files, cases, golden files, text of HTML/DOCX/PDF.
        .target(name: "AttendocTesting", dependencies: [
            "AttendocValues", "AttendocCaseModel", "AttendocPolicy", "AttendocRegister", "AttendocCasework", "AttendocPrograms",
            "SafeXML", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .executableTarget(
            name: "attendoc-benchmark",
            dependencies: [
                "AttendocValues", "AttendocCaseModel", "AttendocPolicy", "AttendocRegister", "AttendocEngine", "AttendocCasework",
                "AttendocDocuments", "AttendocPrograms", "AttendocRendering", "AttendocBundle", "AttendocWorkspace",
                "AttendocIssuing", "SafeXML",
            ],
            path: "Benchmarks/attendoc-benchmark"
        ),
        .testTarget(name: "SafeXMLTests", dependencies: ["SafeXML"]),
        // Case files read strictly into the case model (no FOP).
        .testTarget(name: "CaseModelTests", dependencies: ["AttendocValues", "AttendocYAML", "AttendocCaseModel", "AttendocCasework", "AttendocDocuments", "AttendocTesting"]),
        // Register import and the attendance engine, against hand-worked figures; hostile input
        // (alias bombs, null fields, bad register rows, dates, file names). No FOP.
        .testTarget(name: "EngineTests", dependencies: ["AttendocValues", "AttendocYAML", "AttendocCaseModel", "AttendocPolicy", "AttendocRegister", "AttendocEngine", "AttendocCasework", "AttendocDocuments", "AttendocRendering", "AttendocTesting"]),
        // Each kind of document: its words, dates and figures, and the golden document XML.
        .testTarget(name: "DocumentTests", dependencies: ["AttendocValues", "AttendocYAML", "AttendocCaseModel", "AttendocPolicy", "AttendocCasework", "AttendocDocuments", "AttendocPrograms", "AttendocRendering", "SafeXML", "AttendocTesting"]),
        // Every format a parent receives: HTML, text, DOCX and PDF (real libxslt and FOP), privacy per copy.
        .testTarget(name: "RenderingTests", dependencies: ["AttendocValues", "AttendocYAML", "AttendocCaseModel", "AttendocPolicy", "AttendocCasework", "AttendocDocuments", "AttendocPrograms", "AttendocRendering", "SafeXML", "AttendocTesting", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The evidence bundle for court (real FOP and qpdf), and readiness for court.
        .testTarget(name: "BundleTests", dependencies: ["AttendocValues", "AttendocCaseModel", "AttendocCasework", "AttendocDocuments", "AttendocPrograms", "AttendocRendering", "AttendocBundle", "SafeXML", "AttendocTesting"]),
        // The casework record (real SQLite): archive, issue, kill and concurrency tests, due list.
        .testTarget(name: "WorkspaceTests", dependencies: ["AttendocValues", "AttendocPolicy", "AttendocWorkspace", "AttendocIssuing", "AttendocTesting"]),
        // The attendoc program as a user runs it, the module boundaries, the installed program.
        // The attendance panel: its calendar, intake, documents, minutes and themes.
        .testTarget(name: "PanelTests", dependencies: ["AttendocValues", "AttendocPolicy", "AttendocPanel", "AttendocPrograms", "AttendocRendering", "AttendocWorkspace", "AttendocTesting"]),
        // The web front end: every route and role over real HTTP (a small client of the tests' own:
        // HummingbirdTesting would bring AsyncHTTPClient and BoringSSL into the build), and a real
        // browser (headless Chromium over WebDriver) against `attendoc serve`.
        .testTarget(name: "WebTests", dependencies: [
            "AttendocValues", "AttendocCaseModel", "AttendocWorkspace", "AttendocIssuing", "AttendocWeb", "AttendocTesting", "CAttendocSpawn",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        .testTarget(name: "CommandLineTests", dependencies: ["AttendocValues", "AttendocYAML", "AttendocCaseModel", "AttendocRegister", "AttendocCasework", "AttendocPrograms", "AttendocRendering", "AttendocTesting"]),
    ],
    swiftLanguageModes: [.v6]
)
