// A three-intent domain small enough to train a model on in about a second (release), shared
// by the training-data, registry and understanding tests.
import Foundation
import LanguageModeling

public enum TinyDomain {
    /// The YAML files of a tiny intents folder.
    public static let intentFiles: [String: String] = [
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

    /// The shared tiny test configuration (TestSupport).
    public static var config: ChatModelConfig { .tiny() }

    /// The tiny configuration with the recipe from before few-shot training (the n-gram expert
    /// trained inside the epochs, no cross-fitted calibration), for fine-tuning tests whose base must
    /// still misread phrasings it never saw (the few-shot recipe's base happens to guess some right).
    public static var configWithoutFewShotRecipe: ChatModelConfig {
        var config = ChatModelConfig.tiny()
        config.sparseEpochs = 0
        config.crossFitFolds = 0
        return config
    }
}
