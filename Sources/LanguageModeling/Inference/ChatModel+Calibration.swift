// Fits the temperature and the out-of-scope thresholds on held-out examples: rows labelled with
// the out-of-scope label (when present) tune the thresholds jointly with in-scope accuracy;
// otherwise the thresholds let `inScopePassRate` of in-scope messages through.

extension ChatModel {
    /// Fits `calibration` on `examples` (validation data; labelled rows only).
    public func calibrate(on examples: [TrainingExample]) throws(ChatModelError) {
        let labelled = examples.filter { $0.intent != nil }
        guard !labelled.isEmpty else {
            calibration = Calibration()
            return
        }
        let oosLabel = config.outOfScopeLabel
        let knownRows = labelled.indices.filter { labels.index(of: labelled[$0].intent ?? "") != nil }
        var fitted = Calibration()
        if usesSparseFeatures && config.fitSparseWeight {
            let texts = labelled.map(\.text), contexts = labelled.map(\.context)
            let dense = try self.logits(for: texts, contexts: contexts, expert: "dense").map(\.intent)
            let sparse = try self.logits(for: texts, contexts: contexts, expert: "sparse").map(\.intent)
            fitted.sparseWeight = Calibration.fitSparseWeight(
                dense: knownRows.map { dense[$0] }, sparse: knownRows.map { sparse[$0] },
                labels: knownRows.map { labels.index(of: labelled[$0].intent ?? "") ?? 0 })
        }
        calibration = fitted
        let logits = try self.logits(for: labelled.map(\.text), contexts: labelled.map(\.context)).map(\.intent)
        calibration = Calibration.fitted(logits: logits, intents: labelled.map(\.intent), labels: labels,
                                         outOfScopeLabel: oosLabel, inScopePassRate: config.inScopePassRate, base: fitted)
    }
}
