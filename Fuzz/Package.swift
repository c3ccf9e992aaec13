// swift-tools-version: 6.0
import PackageDescription

// libFuzzer targets for Attendoc's readers of untrusted files, built only by scripts/fuzz
// (swift build -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library, scratch path
// .build-fuzz), never by the main package's build or tests. See docs/safety.md, "Fuzzing".
let attendoc = Target.Dependency.product(name: "Attendoc", package: "Attendoc")

let package = Package(
    name: "AttendocFuzz",
    dependencies: [.package(name: "Attendoc", path: "..")],
    targets: [
        .executableTarget(name: "FuzzCaseFile", dependencies: [attendoc]),
        .executableTarget(name: "FuzzRegisterCSV", dependencies: [attendoc]),
        .executableTarget(name: "FuzzCTF", dependencies: [attendoc]),
        .executableTarget(name: "FuzzPolicy", dependencies: [attendoc]),
    ],
    swiftLanguageModes: [.v6]
)
