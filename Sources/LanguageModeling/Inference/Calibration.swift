// Out-of-scope detection settings and how they are fitted on validation data: a softmax
// temperature by minimum NLL, then thresholds on top-1 confidence and top-1 − top-2 margin.
import Foundation

/// Temperature and out-of-scope thresholds, stored in config.json.
public struct Calibration: Codable, Sendable, Equatable {
    /// Logits are divided by this before the softmax (fitted by NLL on validation; 1 when not fitted).
    public var temperature: Float = 1
    /// Below this calibrated top-1 probability a message is out of scope.
    public var confidenceThreshold: Float = 0
    /// Below this top-1 − top-2 margin a message is out of scope.
    public var marginThreshold: Float = 0
    /// Weight of the sparse expert's logits in the sum dense + w · sparse (fitted on validation; 1 by default).
    public var sparseWeight: Float = 1
    /// How the thresholds were chosen: `oos-validation`, `in-scope-quantile` or `none`.
    public var method = "none"

    /// No temperature and no thresholds.
    public init() {}

    /// Whether a message with `confidence` and `margin` is out of scope.
    public func isOutOfScope(confidence: Float, margin: Float) -> Bool {
        confidence < confidenceThreshold || margin < marginThreshold
    }

    /// The sparse-expert weight in {0, 0.25, …, 3, 4, 6, 8, 12, 16, 32} with the best accuracy
    /// on `labels`, ties to the one nearest 1 (the large weights let the n-gram expert outvote a
    /// trunk that learnt little from a few examples per intent).
    public static func fitSparseWeight(dense: [[Float]], sparse: [[Float]], labels: [Int]) -> Float {
        var best: (weight: Float, correct: Int) = (1, -1)
        for step in [4, 3, 5, 2, 6, 7, 8, 1, 9, 10, 11, 12, 0, 16, 24, 32, 48, 64, 128] {
            let weight = Float(step) / 4
            var correct = 0
            for ((d, s), label) in zip(zip(dense, sparse), labels) {
                var top = 0, topValue = -Float.infinity
                for k in d.indices where d[k] + weight * s[k] > topValue {
                    (top, topValue) = (k, d[k] + weight * s[k])
                }
                if top == label { correct += 1 }
            }
            if correct > best.correct { best = (weight, correct) }
        }
        return best.weight
    }

    /// The temperature in [0.05, 20] minimising the mean NLL of `labels` under `logits` (rows of K).
    public static func fitTemperature(logits: [[Float]], labels: [Int]) -> Float {
        guard !logits.isEmpty else { return 1 }
        func nll(_ t: Float) -> Double {
            var total = 0.0
            for (row, label) in zip(logits, labels) {
                let scaled = row.map { Double($0 / t) }
                let maximum = scaled.max() ?? 0
                let logSum = maximum + log(scaled.reduce(0) { $0 + exp($1 - maximum) })
                total += logSum - scaled[label]
            }
            return total / Double(logits.count)
        }
        // Golden-section search on log T.
        var (low, high) = (log(Float(0.05)), log(Float(20)))
        let ratio = (Float(5).squareRoot() - 1) / 2
        for _ in 0..<40 {
            let a = high - ratio * (high - low), b = low + ratio * (high - low)
            if nll(exp(a)) < nll(exp(b)) { high = b } else { low = a }
        }
        return exp((low + high) / 2)
    }

    /// Thresholds such that about `passRate` of in-scope messages pass both: confidence at the
    /// (1 − passRate) · 0.6 quantile and margin at the (1 − passRate) · 0.4 quantile.
    public static func inScopeThresholds(confidences: [Float], margins: [Float], passRate: Float) -> (Float, Float) {
        guard !confidences.isEmpty else { return (0, 0) }
        let miss = max(0, 1 - passRate)
        return (quantile(confidences, miss * 0.6), quantile(margins, miss * 0.4))
    }

    /// Thresholds maximising in-scope accuracy (right and not flagged) + out-of-scope recall,
    /// searched over the observed values. `correct`: whether each in-scope top-1 was right.
    public static func jointThresholds(inScope: [(confidence: Float, margin: Float, correct: Bool)],
                                       outOfScope: [(confidence: Float, margin: Float)]) -> (Float, Float) {
        guard !inScope.isEmpty, !outOfScope.isEmpty else { return (0, 0) }
        let candidates = Array(Set((inScope.map(\.confidence) + outOfScope.map(\.confidence)).map { ($0 * 100).rounded() / 100 })).sorted()
        let marginCandidates = [Float(0)] + Array(Set((inScope.map(\.margin) + outOfScope.map(\.margin)).map { ($0 * 50).rounded() / 50 })).sorted()
        var best: (Float, Float, Double) = (0, 0, -1)
        for c in [Float(0)] + candidates {
            for m in marginCandidates {
                let accuracy = Double(inScope.filter { $0.correct && $0.confidence >= c && $0.margin >= m }.count) / Double(inScope.count)
                let recall = Double(outOfScope.filter { $0.confidence < c || $0.margin < m }.count) / Double(outOfScope.count)
                if accuracy + recall > best.2 { best = (c, m, accuracy + recall) }
            }
        }
        return (best.0, best.1)
    }

    /// The q-quantile (lower) of `values`.
    static func quantile(_ values: [Float], _ q: Float) -> Float {
        let sorted = values.sorted()
        let index = min(sorted.count - 1, max(0, Int((Float(sorted.count) * q).rounded(.down))))
        return q <= 0 ? 0 : sorted[index]
    }
}
