// Turns exchanges into fine-tuning examples: labels kept, confident readings of the base model
// as pseudo-labels (never for a turn whose reply the customer answered negatively), unlabelled
// turns with a reply target as reply-only examples; implicit feedback counted, its negative
// judgements queued for review and the bot's readings the customer answered with thanks kept
// for the gate; then the held-out slice of the labelled new examples for the gate and the
// replay sample of the base's own training data.
import Foundation
import LanguageModeling
import TensorCore

/// The examples of one fine-tuning run and how many of each kind there were.
public struct FineTuneData: Sendable {
    /// New examples to train on.
    public var training: [TrainingExample] = []
    /// New labelled examples held out for the gate.
    public var heldOut: [TrainingExample] = []
    /// Exchanges whose label a person gave, confirmed or corrected.
    public var labelled = 0
    /// Exchanges labelled by the base model's confident reading.
    public var pseudoLabelled = 0
    /// Exchanges left without a label (trained as reply-only examples when they have a target).
    public var unlabelled = 0
    /// Reply targets (agents' replies, better replies, replies rated good).
    public var replyTargets = 0
    /// Replies rated bad, never trained on.
    public var badReplies = 0
    /// Replies the customer answered with a hand-off or a clearly negative turn, for a person to
    /// review (never reply targets, their turns never pseudo-labelled).
    public var review: [ImplicitFeedbackJudgement] = []
    /// Replies the customer answered with thanks or a positive turn (weak positives).
    public var weakPositives = 0
    /// Weakly confirmed examples: customer turns without a person's label whose reply the
    /// customer thanked, labelled with the bot's reading; the gate checks the candidate on them
    /// with the old data, and they are not trained on.
    public var confirmed: [TrainingExample] = []

    /// The intents of the new labelled examples.
    public var intents: Set<String> { Set((training + heldOut).compactMap(\.intent)) }

    /// Examples from `exchanges`, pseudo-labelled by `base` at `settings.pseudoLabelThreshold`,
    /// with `heldOutFraction` of each intent's labelled examples held out.
    public static func make(_ exchanges: [Exchange], base: ChatModel, settings: FineTuneSettings,
                            heldOutFraction: Double) throws -> FineTuneData {
        var data = FineTuneData()
        let unlabelled = exchanges.filter { $0.label == nil && $0.implicitFeedback?.signal.isNegative != true && !isConfirmed($0, by: base) }
        let readings = settings.pseudoLabelThreshold <= 1 && !unlabelled.isEmpty
            ? try base.predict(unlabelled.map(\.text), contexts: unlabelled.map(\.context), topK: 1) : []
        var reading = readings.makeIterator()
        var labelled: [TrainingExample] = []
        for exchange in exchanges {
            var intent = exchange.label
            let judgedNegative = exchange.implicitFeedback?.signal.isNegative == true
            if let judgement = exchange.implicitFeedback {
                if judgedNegative { data.review.append(judgement) } else { data.weakPositives += 1 }
            }
            if intent != nil {
                data.labelled += 1
            } else if isConfirmed(exchange, by: base), let predicted = exchange.predicted {
                data.confirmed.append(TrainingExample(text: exchange.text, intent: predicted, context: exchange.context))
            } else if !judgedNegative, let prediction = reading.next(), !prediction.isOutOfScope,
                      Double(prediction.confidence) >= settings.pseudoLabelThreshold {
                intent = prediction.intent
                data.pseudoLabelled += 1
            } else {
                data.unlabelled += 1
            }
            if exchange.replyTarget != nil { data.replyTargets += 1 }
            if exchange.replyRatedBad { data.badReplies += 1 }
            guard intent != nil || exchange.replyTarget != nil else { continue }
            let example = TrainingExample(text: exchange.text, intent: intent, sentiment: exchange.sentiment,
                                          reply: exchange.replyTarget, context: exchange.context)
            if exchange.label != nil { labelled.append(example) } else { data.training.append(example) }
        }
        let split = heldOutSplit(labelled, fraction: heldOutFraction, seed: settings.seed)
        data.training = split.training + data.training
        data.heldOut = split.heldOut
        return data
    }

    /// Whether `exchange` is weakly confirmed: no person's label, but the bot's reading (an
    /// intent `base` knows) and a reply the customer thanked or answered positively.
    static func isConfirmed(_ exchange: Exchange, by base: ChatModel) -> Bool {
        guard exchange.label == nil, let predicted = exchange.predicted, base.labels.index(of: predicted) != nil else { return false }
        return exchange.implicitFeedback.map { !$0.signal.isNegative } == true
    }

    /// Holds out `fraction` of each intent's examples (at least one of an intent with two or more).
    static func heldOutSplit(_ examples: [TrainingExample], fraction: Double, seed: UInt64)
        -> (training: [TrainingExample], heldOut: [TrainingExample]) {
        var generator = SeededGenerator(seed: seed ^ 0x6A7E)
        var groups: [String: [Int]] = [:]
        for (index, example) in examples.enumerated() { groups[example.intent ?? "", default: []].append(index) }
        var held = Set<Int>()
        for name in groups.keys.sorted() {
            var members = groups[name] ?? []
            guard members.count >= 2, fraction > 0 else { continue }
            members.shuffle(using: &generator)
            let take = min(members.count - 1, max(1, Int((Double(members.count) * fraction).rounded())))
            held.formUnion(members.prefix(take))
        }
        return (examples.indices.filter { !held.contains($0) }.map { examples[$0] },
                examples.indices.filter { held.contains($0) }.map { examples[$0] })
    }

    /// A seeded sample of `count` of `examples` (all of them when there are fewer), topped up
    /// from the rest so that each intent has at least `perIntent` in it (or all it has).
    public static func replaySample(_ examples: [TrainingExample], count: Int, perIntent: Int = 0,
                                    seed: UInt64) -> [TrainingExample] {
        guard count < examples.count else { return examples }
        var generator = SeededGenerator(seed: seed ^ 0x7E91A7)
        let shuffled = examples.shuffled(using: &generator)
        let sample = shuffled.prefix(max(0, count))
        var perIntentCount = Dictionary(grouping: sample.compactMap(\.intent), by: { $0 }).mapValues(\.count)
        let topUp = shuffled.dropFirst(sample.count).filter { example in
            guard let intent = example.intent, perIntentCount[intent, default: 0] < perIntent else { return false }
            perIntentCount[intent, default: 0] += 1
            return true
        }
        return Array(sample) + topUp
    }
}
