// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Regards",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "regards", targets: ["regards"]),
        // The benchmark's helpers, built by `make bench` only.
        .executable(name: "regards-bench", targets: ["regards-bench"]),
        .library(name: "RegardsCore", targets: ["RegardsCore"]),
        .library(name: "RegardsProtocols", targets: ["RegardsProtocols"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .target(name: "RegardsCore"),
        // Opening a C library on first use, for the two below.
        .target(name: "CLazyLibrary", linkerSettings: [.linkedLibrary("dl"), .linkedLibrary("pthread")]),
        // SQLite's headers (libsqlite3-dev); the library is opened when the first workspace is.
        .target(name: "CSQLite", dependencies: ["CLazyLibrary"]),
        // libpq's headers (libpq-dev); the library is opened when the first PostgreSQL store is.
        .target(name: "CPQ", dependencies: ["CLazyLibrary"]),
        .target(name: "RegardsStore", dependencies: ["RegardsCore", "CSQLite", "CPQ"]),
        // libxlsxwriter's headers (libxlsxwriter-dev); the library is opened when a workbook is first written.
        .target(name: "CXLSXWriter", dependencies: ["CLazyLibrary"]),
        .target(name: "RegardsXLSX", dependencies: ["RegardsCore", "CXLSXWriter"]),
        // Reading .xlsx back (ZIPFoundation + its own XML reader, so that no start of regards loads libxml2): values only, formulas refused by the caller.
        .target(name: "RegardsWorkbookReader", dependencies: ["RegardsCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(
            name: "RegardsProtocols",
            dependencies: ["RegardsCore", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "RegardsCLI",
            dependencies: [
                "RegardsCore", "RegardsProtocols", "RegardsStore", "RegardsXLSX", "RegardsWorkbookReader",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(name: "regards", dependencies: ["RegardsCLI"]),
        .executableTarget(name: "regards-bench", dependencies: ["RegardsCLI", "RegardsCore", "RegardsProtocols",
                                                              .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // Helpers shared by the test targets (reading workbooks back, diffs of golden files).
        .target(name: "RegardsTestSupport", dependencies: ["RegardsCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")], path: "Tests/RegardsTestSupport"),
        .testTarget(name: "RegardsCoreTests", dependencies: ["RegardsCore", "RegardsTestSupport"]),
        .testTarget(name: "RegardsProtocolsTests", dependencies: ["RegardsProtocols", "RegardsCore", "RegardsTestSupport"]),
        .testTarget(name: "RegardsStoreTests", dependencies: ["RegardsStore", "RegardsCore", "RegardsTestSupport"]),
        .testTarget(name: "RegardsXLSXTests", dependencies: ["RegardsXLSX", "RegardsCore", "RegardsTestSupport"]),
        .testTarget(name: "RegardsWorkbookReaderTests", dependencies: ["RegardsWorkbookReader", "RegardsXLSX", "RegardsCore", "RegardsTestSupport",
                                                                     .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "RegardsCLITests", dependencies: ["regards", "RegardsCLI", "RegardsProtocols", "RegardsStore", "RegardsCore", "RegardsTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
    ]
)
