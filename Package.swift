// swift-tools-version: 6.0
import PackageDescription

// contactstat depends on no Swift package: only the toolchain (Foundation, Dispatch, Swift Testing, and its clang
// for the C headers of CPrefetch and CByteMask).
let package = Package(
    name: "contactstat",
    products: [
        .executable(name: "contactstat", targets: ["contactstat"]),
        .library(name: "ContactAnalytics", targets: ["ContactAnalytics"]),
    ],
    targets: [
        // Dependencies point one way (ARCHITECTURE.md): contactstat -> ArgumentParsing, ContactAnalytics -> TextDistance,
        // CPrefetch, CByteMask.
        // The edit distance behind every "did you mean", shared by the parser and the library.
        .target(name: "TextDistance"),
        // A cache-line prefetch, which Swift cannot spell: one C header (CacheLine in ContactAnalytics calls it).
        .target(name: "CPrefetch"),
        // SSE2's byte mask (`pmovmskb`), which Swift's SIMD types do not reach: one C header (ByteBlock calls it).
        .target(name: "CByteMask"),
        // A small declarative command-line parser (options declared once, as data; help derived from them).
        .target(name: "ArgumentParsing", dependencies: ["TextDistance"]),
        // Everything testable: input -> mapping -> classification -> metrics -> reports, and the commands' actions.
        // It knows nothing of the command line.
        .target(name: "ContactAnalytics", dependencies: ["TextDistance", "CPrefetch", "CByteMask"]),
        // The thin executable: parses options into a value, builds the library's action and performs it.
        .executableTarget(name: "contactstat", dependencies: ["ContactAnalytics", "ArgumentParsing", "TextDistance"]),
        .testTarget(name: "TextDistanceTests", dependencies: ["TextDistance"]),
        .testTarget(name: "ContactAnalyticsTests", dependencies: ["ContactAnalytics"]),
        .testTarget(name: "ArgumentParsingTests", dependencies: ["ArgumentParsing"], exclude: ["Golden"]),
        .testTarget(name: "contactstatTests", dependencies: ["contactstat"]),
    ],
    swiftLanguageModes: [.v6]
)
