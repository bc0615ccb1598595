// Growing a trained model for intents it does not know yet, so fine-tuning can learn them
// without training from scratch: the same tokenizer with one `<intent:NAME>` token more per
// intent, every old weight kept (rows remapped to the new sorted label order), and new rows
// initialised from the mean <cls> state of the new intent's examples.
// Shapes: token embedding [V, C], intent head W [K, C] and b [K], sparse intent W [F, K].
import Foundation
import TensorCore
import Tokenization

extension ChatModel {
    /// A copy of this model that also knows `intents` (those it knows already are ignored).
    ///
    /// Old intents keep their weights, so before any training the copy ranks old intents as this
    /// model does. A new intent's dense head row points from the mean <cls> state of all
    /// `examples` to the mean of its own (scaled to the old rows' mean norm), its bias is the old
    /// biases' mean, its sparse column is zero and its intent token starts at the mean of the old
    /// intent tokens' embeddings. A new intent without examples gets a zero row.
    public func growing(intents: some Sequence<String>, examples: [TrainingExample]) throws(ChatModelError) -> ChatModel {
        let added = Set(intents).subtracting(labels.intents).sorted()
        guard labels.intents.count + added.count <= LabelSet.maximumIntentCount else {
            throw ChatModelError(.invalidTrainingData, "\(labels.intents.count) intents and \(added.count) new: a model learns at most "
                                 + "\(LabelSet.maximumIntentCount) (merge intents, or split the domain between bots)")
        }
        let grownLabels = LabelSet(intents: labels.intents + added)
        let grownTokenizer: Tokenizer
        do {
            grownTokenizer = try tokenizer.adding(added.map(SpecialTokens.intent))
        } catch {
            throw ChatModelError(.invalidTrainingData, "cannot add the intent tokens: \(error)")
        }
        let model = try ChatModel(config: config, labels: grownLabels, tokenizer: grownTokenizer)
        model.calibration = calibration
        model.trainingDataHash = trainingDataHash
        model.metrics = metrics
        model.featurizer = featurizer
        // Old head index of each new head row (nil for an added intent).
        let oldIndex = grownLabels.intents.map { labels.index(of: $0) }
        let embeddingName = network.trunk.tokenEmbedding.weight.name
        let (headWeightName, headBiasName) = (network.intentHead.weight.name, network.intentHead.bias?.name)
        let sparseName = network.sparse?.weight.name
        for (target, source) in zip(model.network.parameters, network.parameters) {
            if source.name == embeddingName {
                target.value = Self.appendingMeanRows(source.value, rows: tokens.intents, to: target.value.shape[0])
            } else if source.name == headWeightName {
                target.value = Self.remappedRows(source.value, oldIndex: oldIndex)
            } else if source.name == headBiasName {
                let mean = source.value.scalars.reduce(0, +) / Float(max(1, source.value.count))
                target.value = Tensor(shape: [oldIndex.count], scalars: oldIndex.map { $0.map { source.value.scalars[$0] } ?? mean })
            } else if source.name == sparseName {
                target.value = Self.remappedColumns(source.value, oldIndex: oldIndex)
            } else {
                target.value = source.value
            }
        }
        try model.initialiseHeadRows(for: added, from: examples)
        return model
    }

    /// Points each added intent's dense head row at the mean <cls> state of its examples.
    private func initialiseHeadRows(for added: [String], from examples: [TrainingExample]) throws(ChatModelError) {
        guard !added.isEmpty, !examples.isEmpty else { return }
        let c = config.modelWidth
        var sums = [String: [Float]](), counts = [String: Int]()
        var overall = [Float](repeating: 0, count: c)
        var start = 0
        while start < examples.count {
            let batch = Array(examples[start..<min(examples.count, start + 64)])
            _ = try logits(for: batch.map(\.text), contexts: batch.map(\.context))
            let states = network.clsHidden.scalars
            for (row, example) in batch.enumerated() {
                let state = states[(row * c)..<((row + 1) * c)]
                for (j, value) in state.enumerated() { overall[j] += value }
                guard let intent = example.intent, added.contains(intent) else { continue }
                var sum = sums[intent] ?? [Float](repeating: 0, count: c)
                for (j, value) in state.enumerated() { sum[j] += value }
                sums[intent] = sum
                counts[intent, default: 0] += 1
            }
            start += batch.count
        }
        let mean = overall.map { $0 / Float(examples.count) }
        var weight = network.intentHead.weight.value.scalars
        let oldRows = labels.intents.indices.filter { !added.contains(labels.intents[$0]) }
        let norms = oldRows.map { row in sqrt(weight[(row * c)..<((row + 1) * c)].reduce(0) { $0 + $1 * $1 }) }
        let targetNorm = norms.isEmpty ? 1 : norms.reduce(0, +) / Float(norms.count)
        for intent in added {
            guard let row = labels.index(of: intent), let sum = sums[intent], let count = counts[intent] else { continue }
            let direction = zip(sum, mean).map { $0 / Float(count) - $1 }
            let length = sqrt(direction.reduce(0) { $0 + $1 * $1 })
            for j in 0..<c { weight[row * c + j] = length > 0 ? direction[j] / length * targetNorm : 0 }
        }
        network.intentHead.weight.value = Tensor(shape: [labels.intents.count, c], scalars: weight)
    }

    /// `table` [V, C] grown to `count` rows; the new rows are the mean of `rows` (or zero).
    static func appendingMeanRows(_ table: Tensor, rows: [Int], to count: Int) -> Tensor {
        let c = table.shape[1]
        var scalars = table.scalars
        var mean = [Float](repeating: 0, count: c)
        for row in rows { for j in 0..<c { mean[j] += table.scalars[row * c + j] / Float(rows.count) } }
        for _ in table.shape[0]..<max(table.shape[0], count) { scalars += mean }
        return Tensor(shape: [max(table.shape[0], count), c], scalars: scalars)
    }

    /// Rows of `matrix` [K, C] in the new order (zero rows for added intents).
    static func remappedRows(_ matrix: Tensor, oldIndex: [Int?]) -> Tensor {
        let c = matrix.shape[1]
        var scalars: [Float] = []
        scalars.reserveCapacity(oldIndex.count * c)
        for old in oldIndex {
            if let old { scalars += matrix.scalars[(old * c)..<((old + 1) * c)] } else { scalars += [Float](repeating: 0, count: c) }
        }
        return Tensor(shape: [oldIndex.count, c], scalars: scalars)
    }

    /// Columns of `matrix` [F, K] in the new order (zero columns for added intents).
    static func remappedColumns(_ matrix: Tensor, oldIndex: [Int?]) -> Tensor {
        let (f, k) = (matrix.shape[0], matrix.shape[1])
        var scalars = [Float](repeating: 0, count: f * oldIndex.count)
        matrix.withUnsafeBufferPointer { source in
            for row in 0..<f {
                for (column, old) in oldIndex.enumerated() {
                    if let old { scalars[row * oldIndex.count + column] = source[row * k + old] }
                }
            }
        }
        return Tensor(shape: [f, oldIndex.count], scalars: scalars)
    }
}
