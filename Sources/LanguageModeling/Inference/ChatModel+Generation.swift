// Reply generation: the prompt `… <customer> text <cls> <intent:X> <agent>`, then one token at a
// time (greedy or sampled, repeats held back) until `<eos>` or a limit, with or without the
// incremental cache.
import Foundation
import TensorCore
import Tokenization

extension ChatModel {
    /// A reply to `text` (after `context`), starting from the forced or else the predicted intent.
    public func generate(_ text: String, context: [ConversationTurn] = [],
                         options: GenerationOptions = GenerationOptions()) throws(ChatModelError) -> GeneratedReply {
        let intent: String
        if let forced = options.intent {
            guard labels.index(of: forced) != nil else {
                throw ChatModelError(.invalidRequest, "unknown intent '\(forced)'")
            }
            intent = forced
        } else {
            intent = try predict(text, context: context, topK: 1).intent
        }
        guard let intentIndex = labels.index(of: intent) else {
            throw ChatModelError(.invalidRequest, "the model has no intents to generate for")
        }
        let reserve = min(max(0, options.maxNewTokens), config.contextLength / 2)
        let prompt = encoder.layout(text: text, context: context,
                                    continuation: [tokens.intents[intentIndex], tokens.agent], reserve: reserve).ids
        do {
            return try decodeReply(prompt: prompt, intent: intent, options: options)
        } catch let error as ChatModelError {
            throw error
        } catch {
            throw ChatModelError(.invalidRequest, "generation failed: \(error)")
        }
    }

    private func decodeReply(prompt: [Int], intent: String, options: GenerationOptions) throws -> GeneratedReply {
        network.isTraining = false
        var generator = SeededGenerator(seed: options.seed)
        let banned = Set(tokenizer.addedTokens.filter { $0.special && $0.id != tokens.eos }.map(\.id))
        let repetition = RepetitionControl(options)
        var sequence = prompt
        var generated: [Int] = []
        let state = options.usesCache ? network.trunk.makeDecodingState() : nil
        var pending = prompt
        var finished = false
        var logProbabilitySum = 0.0
        while generated.count < options.maxNewTokens && sequence.count < config.contextLength {
            let last: Tensor
            if let state {
                let hidden = try network.trunk.decode(pending, state: state)
                last = Self.lastRow(hidden)
            } else {
                let hidden = try network.trunk.forward(sequence, batch: 1, length: sequence.count)
                last = Self.lastRow(hidden)
            }
            var logits = network.languageModelLogits(last).scalars
            for id in banned where id < logits.count { logits[id] = -.infinity }
            let model = logits
            if repetition.isActive { repetition.apply(to: &logits, generated: generated) }
            let next = Self.choose(logits, options: options, generator: &generator)
            logProbabilitySum += Self.logProbability(of: next, in: model)
            if next == tokens.eos {
                finished = true
                break
            }
            generated.append(next)
            sequence.append(next)
            pending = [next]
        }
        let text = tokenizer.decode(generated, skipSpecialTokens: true).text
        let choices = generated.count + (finished ? 1 : 0)
        return GeneratedReply(text: text.trimmingCharacters(in: .whitespaces), intent: intent,
                              tokenIDs: generated, finished: finished,
                              meanLogProbability: choices > 0 ? logProbabilitySum / Double(choices) : 0)
    }

    /// The natural-log softmax probability of `id` among `logits` [V].
    static func logProbability(of id: Int, in logits: [Float]) -> Double {
        guard logits.indices.contains(id) else { return -.infinity }
        let top = Double(logits.max() ?? 0)
        let logSum = top + log(logits.reduce(0.0) { $0 + exp(Double($1) - top) })
        return Double(logits[id]) - logSum
    }

    /// The last row [1, C] of hidden states [n, C].
    static func lastRow(_ hidden: Tensor) -> Tensor {
        let c = hidden.shape[1], n = hidden.shape[0]
        return Tensor(shape: [1, c], scalars: Array(hidden.scalars[((n - 1) * c)..<(n * c)]))
    }

    /// Greedy argmax, or a seeded draw after temperature, top-k and top-p filtering.
    static func choose(_ logits: [Float], options: GenerationOptions, generator: inout SeededGenerator) -> Int {
        guard options.temperature > 0 else {
            return logits.indices.max { logits[$0] < logits[$1] || (logits[$0] == logits[$1] && $0 > $1) } ?? 0
        }
        var order = logits.indices.filter { logits[$0].isFinite }.sorted { logits[$0] > logits[$1] || (logits[$0] == logits[$1] && $0 < $1) }
        if options.topK > 0 { order = Array(order.prefix(options.topK)) }
        let maximum = order.first.map { logits[$0] } ?? 0
        var weights = order.map { exp((logits[$0] - maximum) / options.temperature) }
        let total = weights.reduce(0, +)
        weights = weights.map { $0 / total }
        if options.topP < 1 {
            var cumulative: Float = 0, keep = 0
            for weight in weights {
                cumulative += weight
                keep += 1
                if cumulative >= options.topP { break }
            }
            order = Array(order.prefix(keep))
            weights = Array(weights.prefix(keep))
        }
        let draw = generator.nextFloat() * weights.reduce(0, +)
        var cumulative: Float = 0
        for (id, weight) in zip(order, weights) {
            cumulative += weight
            if draw < cumulative { return id }
        }
        return order.last ?? 0
    }
}
