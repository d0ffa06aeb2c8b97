// swift-tools-version:6.1
import PackageDescription

// Upcoming features the style guide asks for: explicit `any`, imports visible only where
// written, and internal imports so NIO/GRDB types stay out of our public API.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// Built-in sector plugins: (module, folder under plugins/, has unit tests).
let sectorPlugins: [(name: String, folder: String)] = [
    ("FireSafetyPlugin", "FireSafety"),
    ("SpecialEquipmentPlugin", "SpecialEquipment"),
    ("HazardousChemicalsPlugin", "HazardousChemicals"),
    ("ConstructionPlugin", "Construction"),
    ("TransportPlugin", "Transport"),
    ("MiningPlugin", "Mining"),
]

/// Data kept beside a plugin's sources for its tests to check the code against; not compiled
/// and not a resource (plugins depend on HazardCore only and carry their tables as code).
let pluginDataFiles: [String: [String]] = [
    "HazardousChemicals": ["gb18218-table1.csv"],
]

let package = Package(
    name: "hazard",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "hazard", targets: ["hazard"]),
        .library(name: "HazardCore", targets: ["HazardCore"]),
        .library(name: "HazardYAML", targets: ["HazardYAML"]),
        .library(name: "HazardRPC", targets: ["HazardRPC"]),
        .library(name: "HazardLedger", targets: ["HazardLedger"]),
        .library(name: "HazardJSON", targets: ["HazardJSON"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // `hazard serve` settings from flags, HAZARD_* variables and a JSON file (the default
        // trait: JSON only, so no YAML library beside our own libyaml binding).
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        .systemLibrary(name: "CYAML", path: "Sources/CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .target(name: "HazardCore", path: "Sources/HazardCore", swiftSettings: strict),
        // The one JSON reader/writer/value; no dependencies (the fuzzer compiles it alone).
        .target(name: "HazardJSON", path: "Sources/HazardJSON", swiftSettings: strict),
        // HazardCore's types in their one wire encoding: HazardCore imports only Foundation and
        // HazardJSON nothing, so the encodings of core types live where both are visible.
        .target(name: "HazardCoreJSON", dependencies: ["HazardCore", "HazardJSON"], path: "Sources/HazardCoreJSON", swiftSettings: strict),
        .target(name: "HazardYAML", dependencies: ["CYAML", "HazardCore"], path: "Sources/HazardYAML", swiftSettings: strict),
        .target(name: "HazardPlugins", dependencies: ["HazardCore"] + sectorPlugins.map { .target(name: $0.name) },
                path: "Sources/HazardPlugins", swiftSettings: strict),
        .target(
            name: "HazardLedger",
            dependencies: [
                "HazardCore", "HazardJSON", "HazardCoreJSON",
                .product(name: "GRDB", package: "GRDB.swift"),
                // The system SQLite module GRDB links, for binding the hot INSERTs directly.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                // The PostgreSQL store (`--database postgres://…`), Sources/HazardLedger/Postgres.
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/HazardLedger",
            // The GB/T 2260 rows RegionTable.swift embeds; its tests read it, the build does not.
            exclude: ["Regions/gb2260-regions.csv"],
            swiftSettings: strict
        ),
        // Appends inspections to a ledger until killed; the crash test SIGKILLs it mid-stream.
        .executableTarget(name: "LedgerCrashWriter", dependencies: ["HazardLedger", "HazardCore"], path: "Sources/LedgerCrashWriter", swiftSettings: strict),
        .executableTarget(
            name: "LedgerBench",
            dependencies: [
                "HazardLedger", "HazardCore", "HazardJSON", "HazardCoreJSON",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/LedgerBench",
            swiftSettings: strict
        ),
        .target(
            name: "HazardRPC",
            dependencies: [
                "HazardCore", "HazardLedger", "HazardJSON", "HazardCoreJSON",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            path: "Sources/HazardRPC",
            swiftSettings: strict
        ),
        // The documents people sign (检查记录, 整改通知书, 复查意见) as HTML, and printing them to PDF.
        .target(name: "HazardDocuments", dependencies: ["HazardCore", "HazardLedger"], path: "Sources/HazardDocuments", swiftSettings: strict),
        .executableTarget(
            name: "hazard",
            dependencies: [
                "HazardCore", "HazardYAML", "HazardPlugins", "HazardLedger", "HazardRPC", "HazardDocuments", "HazardJSON", "HazardCoreJSON",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Configuration", package: "swift-configuration"),
            ],
            path: "Sources/hazard",
            swiftSettings: strict
        ),
        // What the bench executables share (timing); linked into no product.
        .target(name: "BenchSupport", path: "Benchmarks/BenchSupport", swiftSettings: strict),
        .executableTarget(name: "hazard-bench", dependencies: ["BenchSupport", "HazardCore", "HazardYAML"], path: "Benchmarks/HazardBench"),
        // Guided inspection (`inspection.next`): the README's questions-asked table and timings.
        .executableTarget(
            name: "inspect-bench",
            dependencies: ["BenchSupport", "HazardCore", "HazardYAML", "HazardPlugins", "HazardRPC", .product(name: "NIOCore", package: "swift-nio"), .product(name: "Logging", package: "swift-log")],
            path: "Benchmarks/InspectBench"
        ),
        // Helpers more than one test target needs (package root, built executables, HTTP GET,
        // the JSONTestSuite corpus), written once; Foundation only, linked into no product.
        .target(name: "HazardTestSupport", path: "Tests/TestSupport", swiftSettings: strict),
        .testTarget(name: "HazardCoreTests", dependencies: ["HazardCore", "HazardYAML", "HazardTestSupport"], path: "Tests/HazardCoreTests"),
        .testTarget(name: "HazardYAMLTests", dependencies: ["HazardCore", "HazardYAML"], path: "Tests/HazardYAMLTests"),
        .testTarget(name: "ShippedChecklistTests", dependencies: ["HazardCore", "HazardYAML", "HazardPlugins", "HazardTestSupport"], path: "Tests/ShippedChecklistTests"),
        .testTarget(
            name: "HazardLedgerTests",
            dependencies: ["HazardCore", "HazardYAML", "HazardLedger", "HazardJSON", "HazardCoreJSON", "LedgerCrashWriter", "HazardTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/HazardLedgerTests",
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "HazardJSONTests", dependencies: ["HazardJSON", "HazardTestSupport"], path: "Tests/HazardJSONTests"),
        .testTarget(
            name: "HazardRPCTests",
            dependencies: [
                "HazardCore", "HazardYAML", "HazardLedger", "HazardRPC", "HazardPlugins", "HazardJSON", "HazardCoreJSON", "HazardTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOTestUtils", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
            ],
            path: "Tests/HazardRPCTests",
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "HazardDocumentsTests", dependencies: ["HazardCore", "HazardLedger", "HazardDocuments"], path: "Tests/HazardDocumentsTests"),
        // Runs the built `hazard` binary as a user would; depends on it so `swift test` builds it.
        .testTarget(name: "HazardCLITests", dependencies: ["hazard", "HazardJSON", "HazardCore", "HazardYAML", "HazardPlugins", "HazardTestSupport"], path: "Tests/HazardCLITests",
                    exclude: ["inspect_pty.py"]),
        .executableTarget(
            name: "RPCJSONBench",
            dependencies: ["HazardRPC", "HazardCore", "HazardYAML", "HazardJSON", "HazardCoreJSON", .product(name: "NIOCore", package: "swift-nio"), .product(name: "Logging", package: "swift-log")],
            path: "Benchmarks/RPCJSONBench"
        ),
    ]
    + sectorPlugins.map {
        .target(name: $0.name, dependencies: ["HazardCore"], path: "plugins/\($0.folder)",
                exclude: pluginDataFiles[$0.folder] ?? [], swiftSettings: strict)
    }
    + sectorPlugins.map { .testTarget(name: "\($0.folder)PluginTests", dependencies: ["HazardCore", .target(name: $0.name)], path: "Tests/\($0.folder)PluginTests") }
)
