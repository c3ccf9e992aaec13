// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Attendoc",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "attendoc", targets: ["attendoc"]),
        .library(name: "AttendocCore", targets: ["AttendocCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
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
        // Case files, templates, rendering to every format, writing output.
        .target(
            name: "AttendocCore",
            dependencies: [
                "SafeXML",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .executableTarget(
            name: "attendoc",
            dependencies: [
                "AttendocCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "attendoc-benchmark",
            dependencies: ["AttendocCore", "SafeXML"],
            path: "Benchmarks/attendoc-benchmark"
        ),
        .testTarget(name: "SafeXMLTests", dependencies: ["SafeXML"]),
        .testTarget(
            name: "AttendocCoreTests",
            dependencies: ["AttendocCore", "SafeXML", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Fixtures", "Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
