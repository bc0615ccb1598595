// A tiny in-code intents set (4 intents x 8 examples, 2 replies each), held-out paraphrases
// and a small, fast configuration shared by the ChatModel tests.
import LanguageModeling
import Foundation

enum Fixtures {
    static let intents: [(name: String, texts: [String], replies: [String])] = [
        ("order_status", [
            "where is my order", "has my order shipped yet", "track my package please",
            "when will my parcel arrive", "what is the status of my order", "my order has not arrived",
            "i am still waiting for my delivery", "can you tell me where my package is",
        ], ["Your order {order_id} is on its way.", "Order {order_id} was shipped today."]),
        ("cancel_order", [
            "cancel my order", "i want to cancel my purchase", "please cancel the order i made",
            "stop my order from being sent", "i changed my mind, cancel it", "how do i cancel an order",
            "cancel order right now", "i no longer want the order, cancel it",
        ], ["I have cancelled order {order_id}.", "Order {order_id} is cancelled and refunded."]),
        ("opening_hours", [
            "when are you open", "what are your opening hours", "are you open on sunday",
            "what time do you close", "what time does the shop open", "are you open today",
            "opening times please", "until when is the store open tonight",
        ], ["We are open from nine to six.", "Our hours are nine to six on weekdays."]),
        ("greeting", [
            "hello", "hi there", "good morning", "hey", "hello, anyone there?", "hi, good afternoon",
            "good evening", "hey there, hello",
        ], ["Hello! How can I help you today?", "Hi! What can I do for you?"]),
    ]

    /// 32 examples, each text paired with one reply round-robin.
    static var examples: [TrainingExample] {
        intents.flatMap { TrainingExample.examples(intent: $0.name, texts: $0.texts, replies: $0.replies) }
    }

    /// Unseen paraphrases and their intents.
    static let paraphrases: [(String, String)] = [
        ("where is my parcel", "order_status"), ("has the package shipped", "order_status"),
        ("my delivery has not arrived yet", "order_status"), ("track my order", "order_status"),
        ("please cancel my order", "cancel_order"), ("i want to cancel", "cancel_order"),
        ("cancel the purchase please", "cancel_order"), ("can i cancel my order", "cancel_order"),
        ("what are the opening times", "opening_hours"), ("is the shop open on sunday", "opening_hours"),
        ("when do you close today", "opening_hours"), ("what hours are you open", "opening_hours"),
        ("hi", "greeting"), ("hello there", "greeting"), ("good afternoon", "greeting"), ("hey, hello", "greeting"),
    ]

    /// A configuration that trains the tiny set in about a second in release.
    static func config(_ architecture: ChatModelConfig.Architecture = .transformer) -> ChatModelConfig {
        var config = ChatModelConfig()
        config.architecture = architecture
        config.modelWidth = 32
        config.layerCount = 1
        config.headCount = 2
        config.contextLength = 48
        config.dropout = 0
        config.epochs = 60
        config.batchSize = 8
        config.learningRate = 3e-3
        config.validationFraction = 0
        config.sparseBuckets = 4_096
        config.trainingThreads = 1
        config.labelSmoothing = 0
        config.languageModelWeight = 1
        return config
    }

    /// A model trained on `examples` with `config()` (about a second in release; one per test,
    /// since a model is not shared across the parallel tests).
    static func trainedModel() throws -> ChatModel {
        try ChatModelTrainer(config: config()).train(examples).model
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chatmodel-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
