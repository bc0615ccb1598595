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
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
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
        .systemLibrary(
            name: "CEditLine", pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]),

        // Numerics.
        .target(name: "TensorCore", dependencies: ["CBLAS"], swiftSettings: strictSettings),

        // Byte-level BPE tokenizer (pure Swift + Foundation): train, encode, decode, tokenizer.json.
        .target(name: "Tokenization", swiftSettings: strictSettings),

        // Conversations, feedback, model versions and tickets in SQLite or PostgreSQL.
        .target(name: "ConversationStorage", dependencies: ["CSQLite", "CLibPQ"], swiftSettings: strictSettings),

        // Intents, training data and transcripts I/O (and their export/import to the conversation
        // store), entity extraction, the dialogue engine and policy.
        .target(
            name: "Chatbot",
            dependencies: [
                "Sentiment",
                "ConversationStorage",
                "ChatModel",
                "TensorCore",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings),

        // Rule-based sentiment on our own lexicon, conversation mood, and the combiner the
        // learned head will plug into (no model, storage or C code).
        .target(name: "Sentiment", exclude: ["Resources"], swiftSettings: strictSettings),

        // The model: training data types, tokenizer preparation, transformer/LSTM trunk with LM,
        // intent and sentiment heads, training, calibration, generation, checkpoints.
        .target(name: "ChatModel", dependencies: ["TensorCore", "Tokenization"], swiftSettings: strictSettings),

        // Measurement harness behind `chatbot bench`.
        .target(
            name: "Benchmarking",
            dependencies: ["TensorCore", "Tokenization", "Sentiment", "ChatModel", "ConversationStorage", "Chatbot"],
            swiftSettings: strictSettings),

        // The command-line tool.
        .target(
            name: "ChatbotCLI",
            dependencies: [
                "Benchmarking",
                "Chatbot",
                "ChatModel",
                "TensorCore",
                "ConversationStorage",
                "Tokenization",
                "Sentiment",
                "CEditLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings),
        .executableTarget(
            name: "chatbot",
            dependencies: ["ChatbotCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictSettings),

        // Shared test helpers (not a product).
        .target(name: "TestSupport", dependencies: ["TensorCore", "ChatModel", "ConversationStorage"], swiftSettings: strictSettings),

        .testTarget(
            name: "SystemLibrariesTests", dependencies: ["CBLAS", "CLibPQ", "CSQLite", "CEditLine"],
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
            name: "ConversationStorageTests", dependencies: ["ConversationStorage", "TestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "ChatbotTests", dependencies: ["Chatbot", "ChatModel", "Sentiment", "ConversationStorage", "TestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "SentimentTests", dependencies: ["Sentiment"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "ChatModelTests", dependencies: ["ChatModel", "TensorCore", "Tokenization", "TestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "ChatbotCLITests",
            dependencies: ["ChatbotCLI", "Chatbot", "ChatModel", "ConversationStorage", "Sentiment", "TestSupport",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            exclude: ["Snapshots"],
            swiftSettings: strictSettings),
    ]
)
