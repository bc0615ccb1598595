// The reply half of `chatbot evaluate` on data with replies: each row's generated reply beside
// the reference, scored with ROUGE-L and chrF, with how many rows got a reply at all.
import Foundation

/// One evaluated reply: the message, the intent it was generated for, the reference and ours.
public struct ReplySample: Hashable, Sendable {
    /// The customer's message.
    public var text: String
    /// The intent the reply was generated for (the model's reading).
    public var intent: String
    /// The reply the data gives.
    public var reference: String
    /// The generated reply, empty when the model gave none.
    public var generated: String

    /// A sample.
    public init(text: String, intent: String, reference: String, generated: String) {
        self.text = text
        self.intent = intent
        self.reference = reference
        self.generated = generated
    }
}

/// Generated replies against the references of labelled data.
public struct ReplyEvaluation: Sendable {
    /// Every row with a reference, in data order.
    public var samples: [ReplySample]
    /// ROUGE-L and chrF over all samples (an empty reply scores 0).
    public var scores: ReplyScores

    /// Scores `samples`.
    public init(samples: [ReplySample]) {
        self.samples = samples
        scores = ReplyScores(references: samples.map(\.reference), generated: samples.map(\.generated))
    }

    /// Rows whose generated reply is not empty.
    public var answered: Int { samples.filter { !$0.generated.isEmpty }.count }

    /// Three summary lines: rows with a reply, ROUGE-L, chrF.
    public func summary() -> String {
        [
            "replies:             \(answered) of \(samples.count) rows answered by generation",
            "reply ROUGE-L F1:    " + String(format: "%.2f", scores.rougeL),
            "reply chrF:          " + String(format: "%.2f", scores.chrF),
        ].joined(separator: "\n")
    }
}
