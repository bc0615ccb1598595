// A small synthetic sentiment set for tests that train a sentiment head: short messages whose
// sentiment is carried by one word (negative, positive) or that are plain questions (neutral).
import LanguageModeling
import Primitives

/// Synthetic sentiment-labelled messages about shop items.
public enum SentimentExamples {
    /// Items the messages talk about; `unseenItem` is not among them.
    public static let items = ["jacket", "boots", "tent", "stove", "backpack", "parcel", "lantern", "gloves"]
    /// An item no example mentions, for held-out checks.
    public static let unseenItem = "kayak"

    /// 8 items × (4 negative + 4 positive + 4 neutral) = 96 examples.
    public static var all: [TrainingExample] {
        let negative = ["awful", "broken", "terrible", "useless"], positive = ["great", "perfect", "lovely", "excellent"]
        let questions = ["where is my", "how much is the", "is there a blue", "when does the"]
        return items.flatMap { item in
            negative.map { TrainingExample(text: "the \(item) is \($0)", sentiment: .negative) }
                + positive.map { TrainingExample(text: "the \(item) is \($0)", sentiment: .positive) }
                + questions.map { TrainingExample(text: "\($0) \(item)", sentiment: .neutral) }
        }
    }

    /// `all` as a `text,sentiment` CSV document.
    public static var csv: String {
        "text,sentiment\n" + all.map { "\($0.text),\($0.sentiment?.rawValue ?? "")\n" }.joined()
    }
}
