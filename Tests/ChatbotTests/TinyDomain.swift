// A three-intent domain small enough to train a model on in about a second (release), shared
// by the training-data, registry and understanding tests.
import Foundation
import ChatModel

enum TinyDomain {
    /// The YAML files of a tiny intents folder.
    static let intentFiles: [String: String] = [
        "greeting.yaml": """
            name: greeting
            description: Says hello.
            examples:
              - "hello"
              - "hi there"
              - "hey"
              - "good morning"
              - "hello, anyone there?"
              - "hiya"
            responses:
              - "Hello! How can I help?"

            """,
        "refund.yaml": """
            name: refund
            description: Wants money back.
            examples:
              - "I want a refund"
              - "give me my money back"
              - "refund my payment please"
              - "can I get a refund"
              - "money back for my order"
              - "please refund me"
            responses:
              - "I have started your refund."
              - "Your refund is on its way."

            """,
        "shipping.yaml": """
            name: shipping
            description: Asks about delivery cost.
            examples:
              - "how much is shipping"
              - "what does delivery cost"
              - "shipping cost to France"
              - "is delivery free"
              - "price of shipping"
              - "delivery fee?"
            responses:
              - "Shipping costs 5 euros."

            """,
    ]

    /// A small, fast model configuration (d=32, one layer, no LM pre-training, no validation split, full LM weight).
    static var config: ChatModelConfig {
        var config = ChatModelConfig()
        config.modelWidth = 32
        config.layerCount = 1
        config.headCount = 2
        config.contextLength = 48
        config.epochs = 60
        config.languageModelPretrainingEpochs = 0
        config.validationFraction = 0
        config.earlyStoppingPatience = 0
        config.batchSize = 8
        config.learningRate = 3e-3
        config.dropout = 0
        config.labelSmoothing = 0
        config.languageModelWeight = 1
        config.sparseBuckets = 4_096
        config.trainingThreads = 1
        config.checkpointAveraging = 0
        return config
    }
}
