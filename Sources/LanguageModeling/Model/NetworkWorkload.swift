// The chat network on token ids without a tokenizer or data set, for comparing its training
// step, classification and greedy generation with another framework's model of the same shape
// (`chatbot bench --suite training/inference`). It runs the code training and inference run:
// `TrainingStep` (LM + intent loss, clipping, AdamW), the trunk with its heads, cached decoding.
// Shapes: ids [B·T] row by row, next-token targets [B·T], intents [B].
import TensorCore

/// A transformer chat network of a given size driven by synthetic token ids.
package final class NetworkWorkload {
    let network: ChatNetwork
    private let step: TrainingStep
    private let learningRate: Float

    /// A network with a `vocabularySize` tied LM head, `layers` blocks of width `width` and
    /// `heads` heads, and an intent head of `intentCount` classes; no dropout and no sparse
    /// experts. Training weighs the LM and intent losses 1:1 (no sentiment, no label smoothing)
    /// and steps AdamW at `learningRate` with weight decay 0.01 on matrices.
    package init(vocabularySize: Int, width: Int, layers: Int, heads: Int, intentCount: Int,
                 contextLength: Int = 64, learningRate: Float = 3e-4) {
        var config = ChatModelConfig()
        config.modelWidth = width
        config.layerCount = layers
        config.headCount = heads
        config.contextLength = contextLength
        config.dropout = 0
        config.sparseFeatures = false
        config.sparseSentiment = false
        config.languageModelWeight = 1
        config.intentWeight = 1
        config.sentimentWeight = 0
        config.labelSmoothing = 0
        config.learningRate = learningRate
        network = ChatNetwork(config: config, vocabularySize: vocabularySize, intentCount: intentCount)
        step = TrainingStep(network: network, config: config, padID: 0)
        self.learningRate = learningRate
    }

    /// Every parameter's value count (the sentiment head's 3 rows included).
    package var parameterCount: Int { network.parameters.scalarCount }

    /// One training step on `batch` sequences of `length` ids with their next-token `targets`
    /// and `intents` (classified at the last position); returns the loss.
    package func trainStep(ids: [Int], targets: [Int], intents: [Int], batch: Int, length: Int) throws -> Float {
        precondition(ids.count == batch * length && targets.count == ids.count && intents.count == batch,
                     "trainStep: \(ids.count) ids, \(targets.count) targets, \(intents.count) intents for \(batch)×\(length)")
        network.isTraining = true
        let examples = (0..<batch).map { row in
            EncodedExample(ids: Array(ids[(row * length)..<((row + 1) * length)]),
                           targets: Array(targets[(row * length)..<((row + 1) * length)]),
                           clsPosition: length - 1, intent: intents[row], sentiment: nil, features: SparseVector())
        }
        return try step.run(examples, learningRate: learningRate).loss
    }

    /// The intent of one sequence `ids`, read at its last position.
    package func classify(_ ids: [Int]) throws -> Int {
        network.isTraining = false
        let logits = try network.headLogits(ids: ids, batch: 1, length: ids.count, clsPositions: [ids.count - 1],
                                            features: [SparseVector()]).dense
        return Self.greedy(logits.scalars)
    }

    /// `newTokens` greedy tokens after `prompt`, decoded with the key/value cache or, when
    /// `usesCache` is false, by running the whole growing sequence each time.
    package func generate(prompt: [Int], newTokens: Int, usesCache: Bool) throws -> [Int] {
        network.isTraining = false
        let state = usesCache ? network.trunk.makeDecodingState() : nil
        var sequence = prompt, pending = prompt, generated: [Int] = []
        while generated.count < newTokens {
            let hidden = try state.map { try network.trunk.decode(pending, state: $0) }
                ?? network.trunk.forward(sequence, batch: 1, length: sequence.count)
            let last = ChatModel.lastRow(hidden)
            let next = Self.greedy(network.languageModelLogits(last).scalars)
            generated.append(next)
            sequence.append(next)
            pending = [next]
        }
        return generated
    }

    /// The index of the largest value, as greedy generation chooses it.
    static func greedy(_ logits: [Float]) -> Int {
        var unused = SeededGenerator(seed: 0)
        return ChatModel.choose(logits, options: GenerationOptions(), generator: &unused)
    }
}
