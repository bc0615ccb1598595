// Which epoch training keeps: with held-out replies, the lowest reply loss within a point of the
// best accuracy; without them, the best accuracy (ties to the later epoch).
import LanguageModeling
import Testing

@Test func withoutRepliesTheBestAccuracyIsKeptAndTiesGoToTheLaterEpoch() {
    let kept = EpochScore(accuracy: 0.9, replyLoss: nil)
    #expect(EpochScore(accuracy: 0.9, replyLoss: nil).replaces(kept, bestAccuracy: 0.9))
    #expect(EpochScore(accuracy: 0.95, replyLoss: nil).replaces(kept, bestAccuracy: 0.95))
    #expect(!EpochScore(accuracy: 0.89, replyLoss: nil).replaces(kept, bestAccuracy: 0.9))
}

@Test func withRepliesALowerReplyLossWinsWithinAPointOfTheBestAccuracy() {
    let kept = EpochScore(accuracy: 0.99, replyLoss: 2.0)
    #expect(EpochScore(accuracy: 0.985, replyLoss: 1.5).replaces(kept, bestAccuracy: 0.99))
    #expect(!EpochScore(accuracy: 0.995, replyLoss: 2.5).replaces(kept, bestAccuracy: 0.995), "half a point is not worth a worse reply loss")
    #expect(!EpochScore(accuracy: 0.97, replyLoss: 0.5).replaces(kept, bestAccuracy: 0.99), "two points below the best")
    let fallenBehind = EpochScore(accuracy: 0.90, replyLoss: 1.0)
    #expect(EpochScore(accuracy: 0.95, replyLoss: 1.2).replaces(fallenBehind, bestAccuracy: 0.95),
            "a kept epoch more than a point below the best accuracy is replaced")
}
