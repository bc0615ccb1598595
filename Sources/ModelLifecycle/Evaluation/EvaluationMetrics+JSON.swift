// The metrics as one JSON object (what `chatbot evaluate --json` prints), keys in snake_case and
// sorted so that outputs diff cleanly.
import Foundation

extension EvaluationMetrics {
    /// The metrics as a compact JSON object with sorted keys; with `replies`, their scores under `replies`.
    public func jsonString(replies: ReplyEvaluation? = nil) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var form = JSONForm(self)
        form.replies = replies.map { JSONForm.Replies(n: $0.samples.count, answered: $0.answered,
                                                      rougeL: $0.scores.rougeL, chrF: $0.scores.chrF) }
        return String(decoding: try encoder.encode(form), as: UTF8.self)
    }
}

/// The encoded shape of `EvaluationMetrics` (keys documented in docs/FORMATS.md).
private struct JSONForm: Encodable {
    struct Scores: Encodable {
        var precision: Double
        var recall: Double
        var f1: Double
        var support: Int
    }
    struct Pair: Encodable {
        var gold: String
        var predicted: String
        var count: Int
    }
    struct Replies: Encodable {
        var n: Int
        var answered: Int
        var rougeL: Double
        var chrF: Double

        enum CodingKeys: String, CodingKey {
            case n, answered
            case rougeL = "rouge_l"
            case chrF = "chrf"
        }
    }
    struct Bin: Encodable {
        var lower: Double
        var upper: Double
        var correct: Int
        var wrong: Int
    }

    var n: Int
    var accuracy: Double
    var macroF1: Double
    var inScopeCount: Int
    var inScopeAccuracy: Double?
    var outOfScopeLabel: String
    var outOfScopeCount: Int
    var outOfScopeRecall: Double?
    var inScopeFlaggedRate: Double?
    var perIntent: [String: Scores]
    var confusedPairs: [Pair]
    var confidenceHistogram: [Bin]
    var replies: Replies?

    enum CodingKeys: String, CodingKey {
        case n, accuracy
        case macroF1 = "macro_f1"
        case inScopeCount = "in_scope_count"
        case inScopeAccuracy = "in_scope_accuracy"
        case outOfScopeLabel = "oos_label"
        case outOfScopeCount = "oos_count"
        case outOfScopeRecall = "oos_recall"
        case inScopeFlaggedRate = "in_scope_flagged_rate"
        case perIntent = "per_intent"
        case confusedPairs = "confused_pairs"
        case confidenceHistogram = "confidence_histogram"
        case replies
    }

    init(_ metrics: EvaluationMetrics) {
        n = metrics.count
        accuracy = metrics.accuracy
        macroF1 = metrics.macroF1
        inScopeCount = metrics.inScopeCount
        inScopeAccuracy = metrics.inScopeAccuracy
        outOfScopeLabel = metrics.outOfScopeLabel
        outOfScopeCount = metrics.outOfScopeCount
        outOfScopeRecall = metrics.outOfScopeRecall
        inScopeFlaggedRate = metrics.inScopeFlaggedRate
        perIntent = Dictionary(uniqueKeysWithValues: metrics.perIntent.map {
            ($0.intent, Scores(precision: $0.precision, recall: $0.recall, f1: $0.f1, support: $0.support))
        })
        confusedPairs = metrics.confusedPairs.map { Pair(gold: $0.gold, predicted: $0.predicted, count: $0.count) }
        confidenceHistogram = (0..<ConfidenceHistogram.binCount).map { index in
            Bin(lower: ConfidenceHistogram.lowerEdge(index), upper: ConfidenceHistogram.lowerEdge(index + 1),
                correct: metrics.histogram.correct[index], wrong: metrics.histogram.wrong[index])
        }
    }
}
