// After fine-tuning with new intents: one offset on the new intents' dense head biases, fitted
// on held-out data, then the calibration fitted again. The grown rows learn from a mix where the
// new intents are a larger share than in the data as a whole (replay samples the old ones), so
// the candidate reads old messages as new intents more often than a full retrain (issue 14).
import Foundation
import TensorCore

extension ChatModel {
    /// The offsets tried, in logits: −4 … +1 in steps of 0.25 (0 among them, so the fit never does worse than none).
    static let newIntentOffsets: [Float] = (-16...4).map { Float($0) / 4 }

    /// Adds to the dense head biases of `intents` the one offset under which the labelled rows
    /// of `examples` are likeliest (mean negative log-likelihood under the current calibration),
    /// then fits the calibration again on them; returns the offset (0 without such rows or intents).
    @discardableResult
    public func fitNewIntentOffset(for intents: Set<String>, on examples: [TrainingExample]) throws(ChatModelError) -> Float {
        let columns = labels.intents.indices.filter { intents.contains(labels.intents[$0]) }
        let labelled = examples.filter { $0.intent.flatMap(labels.index(of:)) != nil }
        guard !columns.isEmpty, !labelled.isEmpty, let bias = network.intentHead.bias else { return 0 }
        let texts = labelled.map(\.text), contexts = labelled.map(\.context)
        let dense = try logits(for: texts, contexts: contexts, expert: "dense").map(\.intent)
        let sparse = usesSparseFeatures ? try logits(for: texts, contexts: contexts, expert: "sparse").map(\.intent) : nil
        let gold = labelled.map { $0.intent.flatMap(labels.index(of:)) ?? 0 }
        func shifted(_ offset: Float) -> [[Float]] {
            dense.map { row in
                var row = row
                for column in columns { row[column] += offset }
                return row
            }
        }
        func negativeLogLikelihood(_ offset: Float) -> Double {
            let weight = calibration.sparseWeight, temperature = Double(calibration.temperature)
            var total = 0.0
            for (index, row) in shifted(offset).enumerated() {
                let combined = sparse.map { sparse in zip(row, sparse[index]).map { Double($0 + weight * $1) / temperature } }
                    ?? row.map { Double($0) / temperature }
                let maximum = combined.max() ?? 0
                total += maximum + log(combined.reduce(0) { $0 + exp($1 - maximum) }) - combined[gold[index]]
            }
            return total / Double(labelled.count)
        }
        let scored = Self.newIntentOffsets.map { (offset: $0, loss: negativeLogLikelihood($0)) }
        let offset = scored.min { $0.loss < $1.loss }?.offset ?? 0
        var scalars = bias.value.scalars
        for column in columns { scalars[column] += offset }
        bias.value = Tensor(shape: bias.value.shape, scalars: scalars)
        calibrate(intents: labelled.map { $0.intent ?? "" }, dense: shifted(offset), sparse: sparse)
        return offset
    }
}
