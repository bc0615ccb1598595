// swift-tools-version: 6.1
// The chatbot package: layered modules from C shims up to the command-line tool (see docs/ARCHITECTURE.md).
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "chatbot",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "chatbot", targets: ["chatbot"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // C libraries from Debian, behind thin module maps.
        .systemLibrary(
            name: "CBLAS", pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(
            name: "CLibPQ", pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]),
        .systemLibrary(
            name: "CSQLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]),

        // Numerics.
        .target(name: "TensorCore", dependencies: ["CBLAS"], swiftSettings: strictSettings),

        // Byte-level BPE tokenizer (pure Swift + Foundation): train, encode, decode, tokenizer.json.
        .target(name: "Tokenization", swiftSettings: strictSettings),

        // The model: training data types, tokenizer preparation, transformer/LSTM trunk with LM,
        // intent and sentiment heads, training, calibration, generation, checkpoints.
        .target(name: "ChatModel", dependencies: ["TensorCore", "Tokenization"], swiftSettings: strictSettings),

        // Measurement harness behind `chatbot bench`.
        .target(name: "Benchmarking", dependencies: ["TensorCore", "Tokenization", "ChatModel"], swiftSettings: strictSettings),

        // The command-line tool.
        .target(
            name: "ChatbotCLI",
            dependencies: [
                "Benchmarking",
                "Tokenization",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings),
        .executableTarget(
            name: "chatbot",
            dependencies: ["ChatbotCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictSettings),

        // Shared test helpers (not a product).
        .target(name: "TestSupport", dependencies: ["TensorCore"], swiftSettings: strictSettings),

        .testTarget(
            name: "SystemLibrariesTests", dependencies: ["CBLAS", "CLibPQ", "CSQLite"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "TokenizationTests", dependencies: ["Tokenization", "TensorCore"],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings),
        .testTarget(
            name: "TensorCoreTests", dependencies: ["TensorCore", "TestSupport"],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings),
        .testTarget(
            name: "ChatModelTests", dependencies: ["ChatModel", "TensorCore", "Tokenization", "TestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "ChatbotCLITests",
            dependencies: ["ChatbotCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            exclude: ["Snapshots"],
            swiftSettings: strictSettings),
    ]
)
