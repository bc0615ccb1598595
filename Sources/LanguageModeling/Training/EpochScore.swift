// Which epoch's weights training keeps. Intent accuracy alone may keep (and average) epochs that
// have not learnt the replies yet, so with held-out replies the kept epoch is the one with the
// lowest validation reply loss among those within `accuracyTolerance` of the best validation
// accuracy seen so far (on the demo it changed nothing yet: docs/BENCHMARKS.md, issue 15).

/// The scores of one epoch on the validation split.
package struct EpochScore: Sendable, Equatable {
    /// Validation intent accuracy (sentiment accuracy for data without intents; the epoch number
    /// without validation data, so that the last epoch wins).
    package var accuracy: Double
    /// Mean validation reply loss (nats per token), nil without held-out replies.
    package var replyLoss: Double?

    /// An epoch's scores.
    package init(accuracy: Double, replyLoss: Double?) {
        self.accuracy = accuracy
        self.replyLoss = replyLoss
    }

    /// An epoch within this much of the best accuracy competes on reply loss (default 0.01,
    /// one point: about one demo validation message in 150).
    package static let accuracyTolerance = 0.01

    /// Whether this epoch should replace `kept`, given the best accuracy of any epoch so far
    /// (this one included). Ties go to the later epoch (lower training loss).
    package func replaces(_ kept: EpochScore, bestAccuracy: Double) -> Bool {
        guard let replyLoss, let keptLoss = kept.replyLoss else { return accuracy >= kept.accuracy }
        let floor = bestAccuracy - Self.accuracyTolerance
        guard accuracy >= floor else { return false }
        return kept.accuracy < floor || replyLoss <= keptLoss
    }
}
