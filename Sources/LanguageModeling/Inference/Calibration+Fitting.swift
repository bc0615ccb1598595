// Temperature and out-of-scope thresholds fitted on held-out logits, for any classifier with a
// label set (the chat model's heads, the encoder's head): rows labelled with the out-of-scope
// label tune the thresholds jointly with in-scope accuracy; otherwise `inScopePassRate` of the
// in-scope messages pass.

extension Calibration {
    /// `base` with the temperature and thresholds fitted on `logits` (one row per held-out message,
    /// heads in `labels` order) whose true intents are `intents` (nil rows are skipped).
    package static func fitted(logits: [[Float]], intents: [String?], labels: LabelSet, outOfScopeLabel: String,
                               inScopePassRate: Float, base: Calibration = Calibration()) -> Calibration {
        var fitted = base
        let rows = intents.indices.filter { intents[$0] != nil }
        let knownRows = rows.filter { labels.index(of: intents[$0] ?? "") != nil }
        fitted.temperature = fitTemperature(logits: knownRows.map { logits[$0] },
                                            labels: knownRows.map { labels.index(of: intents[$0] ?? "") ?? 0 })
        var inScope: [(confidence: Float, margin: Float, correct: Bool)] = []
        var outOfScope: [(confidence: Float, margin: Float)] = []
        for row in rows {
            let probabilities = ChatModel.softmax(logits[row], temperature: fitted.temperature)
            let sorted = probabilities.sorted(by: >)
            let confidence = sorted.first ?? 0, margin = confidence - (sorted.count > 1 ? sorted[1] : 0)
            let best = probabilities.indices.max { probabilities[$0] < probabilities[$1] } ?? 0
            if intents[row] == outOfScopeLabel {
                outOfScope.append((confidence, margin))
            } else {
                inScope.append((confidence, margin, labels.intents.indices.contains(best) && labels.intents[best] == intents[row]))
            }
        }
        if outOfScope.isEmpty {
            (fitted.confidenceThreshold, fitted.marginThreshold) = inScopeThresholds(
                confidences: inScope.map(\.confidence), margins: inScope.map(\.margin), passRate: inScopePassRate)
            fitted.method = "in-scope-quantile"
        } else {
            (fitted.confidenceThreshold, fitted.marginThreshold) = jointThresholds(inScope: inScope, outOfScope: outOfScope)
            fitted.method = "oos-validation"
        }
        return fitted
    }
}
