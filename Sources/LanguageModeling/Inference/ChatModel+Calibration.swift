// Fits the temperature and the out-of-scope thresholds on held-out examples: rows labelled with
// the out-of-scope label (when present) tune the thresholds jointly with in-scope accuracy;
// otherwise the thresholds let `inScopePassRate` of in-scope messages through. The logits may
// come from this model (a validation split) or from models that did not see the rows (the
// out-of-fold logits of cross-fitting, when nothing was held out).

extension ChatModel {
    /// Fits `calibration` on `examples` (validation data; labelled rows only; none: no calibration).
    public func calibrate(on examples: [TrainingExample]) throws(ChatModelError) {
        let labelled = examples.filter { $0.intent != nil }
        guard !labelled.isEmpty else {
            calibration = Calibration()
            return
        }
        let texts = labelled.map(\.text), contexts = labelled.map(\.context)
        let dense = try logits(for: texts, contexts: contexts, expert: "dense").map(\.intent)
        let sparse = usesSparseFeatures ? try logits(for: texts, contexts: contexts, expert: "sparse").map(\.intent) : nil
        calibrate(intents: labelled.map { $0.intent ?? "" }, dense: dense, sparse: sparse)
    }

    /// Fits `calibration` on each expert's intent logits (rows of K, in this model's label order)
    /// of held-out messages whose gold labels are `intents`; `passRate` replaces `inScopePassRate`.
    func calibrate(intents: [String], dense: [[Float]], sparse: [[Float]]?, passRate: Float? = nil) {
        let knownRows = intents.indices.filter { labels.index(of: intents[$0]) != nil }
        let gold = knownRows.map { labels.index(of: intents[$0]) ?? 0 }
        var fitted = Calibration()
        if let sparse, config.fitSparseWeight {
            fitted.sparseWeight = Calibration.fitSparseWeight(
                dense: knownRows.map { dense[$0] }, sparse: knownRows.map { sparse[$0] }, labels: gold)
        }
        let logits = dense.indices.map { row in
            guard let sparse else { return dense[row] }
            return zip(dense[row], sparse[row]).map { $0 + fitted.sparseWeight * $1 }
        }
        calibration = Calibration.fitted(logits: logits, intents: intents, labels: labels,
                                         outOfScopeLabel: config.outOfScopeLabel,
                                         inScopePassRate: passRate ?? config.inScopePassRate, base: fitted)
    }
}
