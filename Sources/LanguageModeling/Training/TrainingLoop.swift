// The epochs of one training run: LM pre-training (optional), then multi-task epochs with a
// warm-up + cosine schedule, per-step progress, validation accuracy and reply loss per epoch,
// early stopping and restoring the best (or averaged) weights (`EpochScore`).
import Foundation
import TensorCore

/// The mutable state of one training run.
struct TrainingLoop {
    let model: ChatModel
    let encoded: [EncodedExample]
    let validation: [TrainingExample]
    let config: ChatModelConfig
    let progress: ((TrainingProgress) -> Void)?
    let start: ContinuousClock.Instant
    let step: TrainingStep

    init(model: ChatModel, encoded: [EncodedExample], validation: [TrainingExample], config: ChatModelConfig,
         progress: ((TrainingProgress) -> Void)?, start: ContinuousClock.Instant) {
        self.model = model
        self.encoded = encoded
        self.validation = validation
        self.config = config
        self.progress = progress
        self.start = start
        step = TrainingStep(network: model.network, config: config, padID: model.tokens.pad)
    }

    var elapsed: Double {
        let parts = (ContinuousClock.now - start).components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    /// Next-token epochs on all training text before the heads learn.
    mutating func pretrainLanguageModel() throws {
        let epochs = config.languageModelPretrainingEpochs
        guard epochs > 0 else { return }
        (step.languageModelWeight, step.intentWeight, step.sentimentWeight) = (1, 0, 0)
        defer { (step.languageModelWeight, step.intentWeight, step.sentimentWeight) = (config.languageModelWeight, config.intentWeight, config.sentimentWeight) }
        let schedule = schedule(epochs: epochs)
        var stepIndex = 0
        for epoch in 1...epochs {
            _ = try runEpoch(phase: .languageModelPretraining, epoch: epoch, epochs: epochs, seed: config.seed &+ 10_000 &+ UInt64(epoch),
                             schedule: schedule, stepIndex: &stepIndex)
        }
    }

    /// Multi-task epochs with early stopping; leaves the best weights in the model.
    mutating func trainHeads(report: inout TrainingReport) throws {
        let epochs = config.epochs
        guard epochs > 0 else { return }
        let schedule = schedule(epochs: epochs)
        var stepIndex = 0
        var best: (score: EpochScore, epoch: Int, weights: [Tensor])? = nil
        var bestAccuracy = -Double.infinity
        var recent: [[Tensor]] = []
        for epoch in 1...epochs {
            let loss = try runEpoch(phase: .training, epoch: epoch, epochs: epochs, seed: config.seed &+ UInt64(epoch),
                                    schedule: schedule, stepIndex: &stepIndex)
            report.epochLosses.append(loss)
            report.epochsRun = epoch
            let accuracy = try validationAccuracy()
            if let accuracy { report.validationAccuracies.append(accuracy) }
            let replyLoss = validationReplyLoss()
            if let replyLoss { report.validationReplyLosses.append(replyLoss) }
            progress?(TrainingProgress(phase: .training, epoch: epoch, epochCount: epochs, step: stepsPerEpoch,
                                       stepsPerEpoch: stepsPerEpoch, loss: loss, validationAccuracy: accuracy,
                                       isEpochEnd: true, tokensPerSecond: tokensPerSecond, elapsedSeconds: elapsed,
                                       estimatedSecondsLeft: estimate(done: stepIndex, total: stepsPerEpoch * epochs)))
            // Without validation data the last epoch counts as best.
            let score = EpochScore(accuracy: accuracy ?? Double(epoch), replyLoss: config.replyAwareEpochChoice ? replyLoss : nil)
            bestAccuracy = max(bestAccuracy, score.accuracy)
            if let kept = best, !score.replaces(kept.score, bestAccuracy: bestAccuracy) {
                if config.earlyStoppingPatience > 0, epoch - kept.epoch >= config.earlyStoppingPatience { break }
            } else {
                let weights = model.network.trainedParameters.map(\.value)
                if config.checkpointAveraging > 1 {
                    recent.append(weights)
                    if recent.count > config.checkpointAveraging { recent.removeFirst() }
                }
                best = (score, epoch, weights)
            }
        }
        guard let best else { return }
        report.bestEpoch = best.epoch
        let weights = recent.count > 1 ? Self.average(recent) : best.weights
        for (parameter, value) in zip(model.network.trainedParameters, weights) { parameter.value = value }
    }

    /// The element-wise mean of several weight lists.
    static func average(_ lists: [[Tensor]]) -> [Tensor] {
        guard var sum = lists.first else { return [] }
        for list in lists.dropFirst() {
            for index in sum.indices { sum[index].add(list[index]) }
        }
        return sum.map { $0.scaled(by: 1 / Float(lists.count)) }
    }

    private var stepsPerEpoch: Int { (encoded.count + config.batchSize - 1) / config.batchSize }
    private var tokenTotal = 0
    private var tokenSeconds = 0.0
    private var tokensPerSecond: Double { tokenSeconds > 0 ? Double(tokenTotal) / tokenSeconds : 0 }

    private func schedule(epochs: Int) -> LearningRateSchedule {
        let total = stepsPerEpoch * epochs
        return LearningRateSchedule(peak: config.learningRate, floor: config.learningRate * 0.05,
                                    warmupSteps: Int(Float(total) * config.warmupFraction), totalSteps: total)
    }

    private func estimate(done: Int, total: Int) -> Double {
        done > 0 ? elapsed / Double(done) * Double(max(0, total - done)) : 0
    }

    private mutating func runEpoch(phase: TrainingProgress.Phase, epoch: Int, epochs: Int, seed: UInt64,
                                   schedule: LearningRateSchedule, stepIndex: inout Int) throws -> Float {
        model.network.isTraining = true
        defer { model.network.isTraining = false }
        let batches = BatchPlan.batches(lengths: encoded.map(\.ids.count), batchSize: config.batchSize, seed: seed)
        var lossSum: Float = 0
        for (index, batch) in batches.enumerated() {
            let began = ContinuousClock.now
            let result = try step.run(batch.map { encoded[$0] }, learningRate: schedule.rate(at: stepIndex))
            let parts = (ContinuousClock.now - began).components
            tokenSeconds += Double(parts.seconds) + Double(parts.attoseconds) / 1e18
            tokenTotal += result.tokens
            stepIndex += 1
            lossSum += result.loss
            progress?(TrainingProgress(phase: phase, epoch: epoch, epochCount: epochs, step: index + 1,
                                       stepsPerEpoch: batches.count, loss: lossSum / Float(index + 1),
                                       validationAccuracy: nil, isEpochEnd: false, tokensPerSecond: tokensPerSecond,
                                       elapsedSeconds: elapsed,
                                       estimatedSecondsLeft: estimate(done: stepIndex, total: batches.count * epochs)))
        }
        return lossSum / Float(max(1, batches.count))
    }

    /// The mean reply loss of up to `replyProbeLimit` validation examples with a reply (spread
    /// evenly), nil when there are none; an example whose reply does not fit the window is left out.
    private func validationReplyLoss() -> Double? {
        let withReplies = validation.filter { $0.reply != nil }
        let stride = max(1, (withReplies.count + Self.replyProbeLimit - 1) / Self.replyProbeLimit)
        let losses = Swift.stride(from: 0, to: withReplies.count, by: stride).compactMap { index -> Double? in
            let example = withReplies[index]
            guard let reply = example.reply else { return nil }
            return try? model.replyLoss(reply, to: example.text, context: example.context, intent: example.intent)
        }
        return losses.isEmpty ? nil : losses.reduce(0, +) / Double(losses.count)
    }

    /// Validation replies scored per epoch at most (default 256: about a second on the demo).
    static let replyProbeLimit = 256

    /// Validation intent accuracy; for data without intents (a sentiment-only model), sentiment accuracy.
    private func validationAccuracy() throws -> Double? {
        guard !validation.isEmpty else { return nil }
        if let intentAccuracy = try ChatModelTrainer.accuracy(of: model, on: validation) { return intentAccuracy }
        return try ChatModelTrainer.sentimentAccuracy(of: model, on: validation)
    }
}
