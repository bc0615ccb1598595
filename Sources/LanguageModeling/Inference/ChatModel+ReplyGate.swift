// Fitting and storing a model's reply gate: the model answers held-out messages whose replies
// it never saw, each generated reply is judged against the replies its intent is known to have,
// and the threshold lands in the checkpoint's metrics (`reply_gate_*` in config.json).
import Foundation

extension ChatModel {
    /// The gate fitted when the model was trained, or nil: generation is off (templates only)
    /// because no held-out replies were available or too few of them passed.
    public var replyGate: ReplyGate? {
        guard let threshold = metrics[Self.gateConfidenceKey], let passRate = metrics[Self.gatePassRateKey] else { return nil }
        return ReplyGate(minimumConfidence: threshold, heldOutPassRate: passRate)
    }

    /// At most this many held-out replies are generated to fit the gate (default 64: about 30 s
    /// for Bitext's long replies, a few seconds on the demo).
    public static let replyGateSampleLimit = 64

    /// Fits the reply gate on the examples of `heldOut` that have an intent and a reply (spread
    /// evenly, at most `replyGateSampleLimit`), judging each generated reply against its own
    /// reference and the replies of `known` with the same intent; stores it in `metrics`, or
    /// removes any gate when none fits. Returns the judged samples.
    @discardableResult
    public func fitReplyGate(heldOut: [TrainingExample], known: [TrainingExample]) throws(ChatModelError) -> [ReplyGate.Sample] {
        let candidates = heldOut.filter { $0.intent != nil && $0.reply != nil }
        let stride = max(1, (candidates.count + Self.replyGateSampleLimit - 1) / Self.replyGateSampleLimit)
        let chosen = Swift.stride(from: 0, to: candidates.count, by: stride).map { candidates[$0] }
        var replies: [String: Set<[Int]>] = [:]
        for example in known + chosen {
            guard let intent = example.intent, let reply = example.reply else { continue }
            replies[intent, default: []].insert(encoder.replyIDs(reply))
        }
        var samples: [ReplyGate.Sample] = []
        for example in chosen {
            guard let intent = example.intent else { continue }
            var options = GenerationOptions.replies(contextLength: config.contextLength)
            options.intent = intent
            let reply = try generate(example.text, context: example.context, options: options)
            let closest = replies[intent, default: []].map { ReplyGate.similarity(reply.tokenIDs, $0) }.max() ?? 0
            samples.append(ReplyGate.Sample(confidence: reply.meanLogProbability,
                                            isGood: reply.finished && closest >= ReplyGate.goodSimilarity))
        }
        let gate = ReplyGate.fitted(to: samples)
        metrics[Self.gateConfidenceKey] = gate?.minimumConfidence
        metrics[Self.gatePassRateKey] = gate?.heldOutPassRate
        metrics["reply_gate_samples"] = Double(samples.count)
        metrics["reply_gate_good_rate"] = samples.isEmpty ? nil : Double(samples.filter(\.isGood).count) / Double(samples.count)
        return samples
    }

    private static let gateConfidenceKey = "reply_gate_confidence"
    private static let gatePassRateKey = "reply_gate_pass_rate"
}
