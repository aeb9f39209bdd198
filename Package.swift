// swift-tools-version: 6.0
import PackageDescription

// contactstat depends on no Swift package: only the toolchain (Foundation, Dispatch, Swift Testing).
let package = Package(
    name: "contactstat",
    products: [
        .executable(name: "contactstat", targets: ["contactstat"]),
        .library(name: "ContactAnalytics", targets: ["ContactAnalytics"]),
    ],
    targets: [
        // Everything testable: input -> mapping -> classification -> metrics -> reports.
        // A small declarative command-line parser (options declared once, as data; help derived from them),
        // also home of the edit distance behind every "did you mean".
        .target(name: "ArgumentParsing"),
        .target(name: "ContactAnalytics", dependencies: ["ArgumentParsing"]),
        // The thin executable: parses options into a value and hands it to the library.
        .executableTarget(name: "contactstat", dependencies: ["ContactAnalytics", "ArgumentParsing"]),
        .testTarget(name: "ContactAnalyticsTests", dependencies: ["ContactAnalytics"]),
        .testTarget(name: "ArgumentParsingTests", dependencies: ["ArgumentParsing"], exclude: ["Golden"]),
        .testTarget(name: "contactstatTests", dependencies: ["contactstat"]),
    ],
    swiftLanguageModes: [.v6]
)
