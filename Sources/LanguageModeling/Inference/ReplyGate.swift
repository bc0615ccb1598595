// The quality gate of generated replies: a reply reaches a customer only when the model was sure
// of it (its mean token log-probability reaches a threshold) and the model's generated replies
// to held-out messages passed at a useful rate. "I've warehouse, the 48213377." passed every
// format check and was nonsense; the gate, fitted when training ends, keeps such replies back.

/// Whether generated replies of one model may be sent, and from which confidence on.
public struct ReplyGate: Sendable, Equatable {
    /// The lowest mean token log-probability (`GeneratedReply.meanLogProbability`) let through.
    public var minimumConfidence: Double
    /// The share of the held-out replies the gate let through when it was fitted.
    public var heldOutPassRate: Double

    /// A gate letting replies of `minimumConfidence` or more through.
    public init(minimumConfidence: Double, heldOutPassRate: Double) {
        self.minimumConfidence = minimumConfidence
        self.heldOutPassRate = heldOutPassRate
    }

    /// Among the replies the gate lets through, at least this share must be good (default 0.9).
    public static let targetPrecision = 0.9
    /// Below this share of held-out replies let through, generation is not worth its risk and
    /// stays off: templates only (default 0.2).
    public static let minimumPassRate = 0.2
    /// A held-out generated reply is good when its tokens' longest common subsequence F1 with one
    /// of its intent's known replies reaches this (default 0.6: most of it is what agents write).
    public static let goodSimilarity = 0.6

    /// Whether `reply` may be sent: finished with `<eos>` and sure enough.
    public func admits(_ reply: GeneratedReply) -> Bool {
        reply.finished && reply.meanLogProbability >= minimumConfidence
    }

    /// One held-out reply the model generated: how sure it was, and whether it was good.
    public struct Sample: Sendable, Equatable {
        /// The reply's mean token log-probability.
        public var confidence: Double
        /// Finished and close to one of its intent's known replies.
        public var isGood: Bool

        /// A sample.
        public init(confidence: Double, isGood: Bool) {
            self.confidence = confidence
            self.isGood = isGood
        }
    }

    /// The gate with the lowest threshold whose admitted samples are at least `targetPrecision`
    /// good, or nil (generation off) when it admits less than `minimumPassRate` of `samples`.
    public static func fitted(to samples: [Sample]) -> ReplyGate? {
        let sorted = samples.sorted { $0.confidence > $1.confidence }
        var best: (threshold: Double, admitted: Int)? = nil
        var good = 0
        for (index, sample) in sorted.enumerated() {
            if sample.isGood { good += 1 }
            // Cut only between different confidences: equal ones pass or fail together.
            let isLastOfItsValue = index + 1 == sorted.count || sorted[index + 1].confidence < sample.confidence
            if isLastOfItsValue, Double(good) >= targetPrecision * Double(index + 1) {
                best = (sample.confidence, index + 1)
            }
        }
        guard let best, !samples.isEmpty else { return nil }
        let passRate = Double(best.admitted) / Double(samples.count)
        guard passRate >= minimumPassRate else { return nil }
        return ReplyGate(minimumConfidence: best.threshold, heldOutPassRate: passRate)
    }

    /// The F1 of the longest common subsequence of two token sequences (1 for two empty ones).
    public static func similarity(_ lhs: [Int], _ rhs: [Int]) -> Double {
        guard !lhs.isEmpty || !rhs.isEmpty else { return 1 }
        guard !lhs.isEmpty, !rhs.isEmpty else { return 0 }
        var previous = [Int](repeating: 0, count: rhs.count + 1)
        var current = previous
        for token in lhs {
            for (column, other) in rhs.enumerated() {
                current[column + 1] = token == other ? previous[column] + 1 : max(previous[column + 1], current[column])
            }
            swap(&previous, &current)
        }
        let common = Double(previous[rhs.count])
        return 2 * common / Double(lhs.count + rhs.count)
    }
}
