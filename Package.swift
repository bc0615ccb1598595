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
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
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

        // Small shared pieces every layer may use (Foundation only): the JSON string escaper, FNV-1a,
        // the word splitter, the sentiment labels, the percentile and the stopwatch.
        .target(name: "Primitives", swiftSettings: strictSettings),

        // Numerics: tensors, BLAS, layers with forward/backward, AdamW, safetensors.
        .target(name: "TensorCore", dependencies: ["CBLAS", "Primitives"], swiftSettings: strictSettings),

        // Byte-level BPE tokenizer (pure Swift + Foundation): train, encode, decode, tokenizer.json.
        .target(name: "Tokenization", dependencies: ["Primitives"], swiftSettings: strictSettings),

        // A pretrained BERT-family sentence encoder (Hugging Face folder: config.json,
        // model.safetensors, WordPiece tokenizer.json): forward, backward, mean pooling.
        .target(name: "PretrainedEncoder", dependencies: ["TensorCore", "Tokenization"], swiftSettings: strictSettings),

        // Conversations, feedback, model versions and tickets in SQLite or PostgreSQL.
        .target(name: "ConversationStorage", dependencies: ["CSQLite", "CLibPQ", "Primitives"], swiftSettings: strictSettings),

        // Rule-based sentiment on our own lexicon, conversation mood, and the combiner the
        // learned head plugs into (no model, storage or C code).
        .target(name: "Sentiment", dependencies: ["Primitives"], exclude: ["Resources"], swiftSettings: strictSettings),

        // The model: training data types, tokenizer preparation, transformer/LSTM trunk with LM,
        // intent and sentiment heads, training, calibration, generation, checkpoints.
        .target(
            name: "LanguageModeling", dependencies: ["TensorCore", "Tokenization", "PretrainedEncoder", "Primitives"],
            swiftSettings: strictSettings),

        // The files the team reads and writes: intents YAML, CSV and JSON Lines, labelled data,
        // transcripts (and their export/import to the conversation store).
        .target(
            name: "FileFormats",
            dependencies: [
                "Primitives",
                "ConversationStorage",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings),

        // One conversation: understanding, entities, policy, the engine with its store writes, mood.
        .target(
            name: "Dialogue",
            dependencies: ["Primitives", "FileFormats", "LanguageModeling", "Sentiment", "ConversationStorage", "TensorCore"],
            swiftSettings: strictSettings),

        // A model's life: training data from every source, the training pipeline, the registry of
        // versions, evaluation and its report.
        .target(
            name: "ModelLifecycle",
            dependencies: ["Primitives", "FileFormats", "Dialogue", "LanguageModeling", "Sentiment", "TensorCore",
                           "ConversationStorage", "PretrainedEncoder"],
            swiftSettings: strictSettings),

        // Batch answers for ticket files: reading CSV/JSON Lines (and mail, through `TicketSource`),
        // analysing and routing each ticket, output files, resume, the PostgreSQL work queue.
        .target(
            name: "TicketAnswering",
            dependencies: ["Primitives", "FileFormats", "Dialogue", "ConversationStorage", "Sentiment"],
            swiftSettings: strictSettings),

        // The HTTP server behind `chatbot serve`: JSON API, web chat, agent and review pages, metrics.
        .target(
            name: "Serving",
            dependencies: [
                "Primitives", "FileFormats", "Dialogue", "ConversationStorage", "TicketAnswering",
                "LanguageModeling", "Sentiment",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings),

        // Measurement harness behind `chatbot bench`.
        .target(
            name: "Benchmarking",
            dependencies: [
                "Primitives", "TensorCore", "Tokenization", "Sentiment", "LanguageModeling", "ConversationStorage",
                "FileFormats", "Dialogue", "ModelLifecycle", "TicketAnswering", "PretrainedEncoder", "Serving",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),

        // The command-line tool: parses, calls the libraries, prints.
        .target(
            name: "ChatbotCLI",
            dependencies: [
                "Primitives",
                "Benchmarking",
                "FileFormats",
                "Dialogue",
                "ModelLifecycle",
                "TicketAnswering",
                "LanguageModeling",
                "TensorCore",
                "ConversationStorage",
                "Tokenization",
                "Sentiment",
                "CEditLine",
                "Serving",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),
        // The executable: main.swift only.
        .executableTarget(
            name: "chatbot",
            dependencies: ["ChatbotCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictSettings),

        // Shared test helpers (not a product).
        .target(
            name: "TestSupport", dependencies: ["TensorCore", "LanguageModeling", "ConversationStorage", "FileFormats"],
            swiftSettings: strictSettings),

        .testTarget(name: "PrimitivesTests", dependencies: ["Primitives"], swiftSettings: strictSettings),
        .testTarget(
            name: "SystemLibrariesTests", dependencies: ["CBLAS", "CLibPQ", "CSQLite", "CEditLine"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "TokenizationTests", dependencies: ["Tokenization", "TensorCore", "TestSupport"],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings),
        .testTarget(
            name: "TensorCoreTests", dependencies: ["TensorCore", "TestSupport"],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings),
        .testTarget(
            name: "PretrainedEncoderTests", dependencies: ["PretrainedEncoder", "TensorCore", "Tokenization", "TestSupport",
                                                           "LanguageModeling"],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings),
        .testTarget(
            name: "ConversationStorageTests", dependencies: ["ConversationStorage", "TestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "SentimentTests", dependencies: ["Sentiment", "Primitives"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "LanguageModelingTests", dependencies: ["LanguageModeling", "TensorCore", "Tokenization", "TestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "FileFormatsTests", dependencies: ["FileFormats", "Primitives", "ConversationStorage", "TestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "DialogueTests",
            dependencies: ["Dialogue", "FileFormats", "ModelLifecycle", "LanguageModeling", "Sentiment", "Primitives",
                           "ConversationStorage", "TestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "ModelLifecycleTests",
            dependencies: ["ModelLifecycle", "Dialogue", "FileFormats", "LanguageModeling", "Sentiment", "Primitives",
                           "TestSupport", "ConversationStorage"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "TicketAnsweringTests",
            dependencies: ["TicketAnswering", "Dialogue", "FileFormats", "ConversationStorage", "LanguageModeling", "TestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "BenchmarkingTests",
            dependencies: ["Benchmarking", "ModelLifecycle", "LanguageModeling", "TestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "ServingTests",
            dependencies: ["Serving", "Dialogue", "ConversationStorage", "LanguageModeling", "ModelLifecycle", "TestSupport",
                           "Primitives", "FileFormats",
                           .product(name: "HummingbirdTesting", package: "hummingbird"),
                           .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "HTTPTypes", package: "swift-http-types"),
                           .product(name: "NIOCore", package: "swift-nio"),
                           .product(name: "Logging", package: "swift-log"),
                           .product(name: "Yams", package: "Yams"),
                           .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")],
            swiftSettings: strictSettings),
        .testTarget(
            name: "ChatbotCLITests",
            dependencies: ["ChatbotCLI", "FileFormats", "Dialogue", "ModelLifecycle", "LanguageModeling",
                           "ConversationStorage", "Sentiment", "Primitives", "TestSupport",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            exclude: ["Snapshots"],
            swiftSettings: strictSettings),
    ]
)
