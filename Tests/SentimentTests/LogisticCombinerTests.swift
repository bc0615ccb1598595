// The combiner learns a synthetic rule, round-trips through JSON, and rejects bad input.
import Foundation
import Primitives
import Sentiment
import Testing

/// Synthetic (lexicon score, head probabilities) rows: the label follows the head when it is
/// confident and the lexicon otherwise, which neither feature alone captures.
private func syntheticSet(count: Int, seed: UInt64) -> (features: [[Double]], labels: [SentimentLabel]) {
    var state = seed
    func uniform() -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(state >> 11) / Double(1 << 53)
    }
    var features: [[Double]] = []
    var labels: [SentimentLabel] = []
    for _ in 0..<count {
        let score = uniform() * 2 - 1
        let label: SentimentLabel = score < -0.2 ? .negative : score > 0.2 ? .positive : .neutral
        var head = [0.1, 0.1, 0.1]
        head[label.index] = 0.4 + 0.5 * uniform()
        let total = head.reduce(0, +)
        features.append([score + 0.05 * (uniform() - 0.5)] + head.map { $0 / total })
        labels.append(label)
    }
    return (features, labels)
}

@Test func learnsASyntheticRule() throws {
    let train = syntheticSet(count: 600, seed: 1)
    let test = syntheticSet(count: 300, seed: 2)
    let combiner = try LogisticCombiner(features: train.features, labels: train.labels)
    let correct = zip(test.features, test.labels).filter { combiner.predict($0) == $1 }.count
    #expect(Double(correct) / Double(test.labels.count) > 0.95)
    let probabilities = combiner.probabilities(test.features[0])
    #expect(abs(probabilities.reduce(0, +) - 1) < 1e-9)
}

@Test func moreStepsLowerTheTrainingError() throws {
    let train = syntheticSet(count: 300, seed: 3)
    var few = LogisticCombiner.Training()
    few.steps = 2
    let early = try LogisticCombiner(features: train.features, labels: train.labels, training: few)
    let late = try LogisticCombiner(features: train.features, labels: train.labels)
    func logLoss(_ model: LogisticCombiner) -> Double {
        zip(train.features, train.labels).reduce(0) { $0 - log(model.probabilities($1.0)[$1.1.index]) }
    }
    #expect(logLoss(late) < logLoss(early))
}

@Test func roundTripsThroughJSON() throws {
    let train = syntheticSet(count: 100, seed: 4)
    let combiner = try LogisticCombiner(features: train.features, labels: train.labels)
    let copy = try LogisticCombiner(json: combiner.encoded())
    #expect(copy == combiner)
    #expect(throws: SentimentError.self) { try LogisticCombiner(json: Data("{}".utf8)) }
}

@Test func rejectsBadTrainingData() {
    #expect(throws: SentimentError.self) { try LogisticCombiner(features: [], labels: []) }
    #expect(throws: SentimentError.self) { try LogisticCombiner(features: [[1], [1, 2]], labels: [.negative, .positive]) }
    #expect(throws: SentimentError.self) { try LogisticCombiner(features: [[.nan]], labels: [.negative]) }
    #expect(throws: SentimentError.self) { try LogisticCombiner(features: [[1]], labels: []) }
}

@Test func wrongWidthGivesUniformOdds() throws {
    let combiner = try LogisticCombiner(features: [[0], [1]], labels: [.negative, .positive])
    let third: Double = 1.0 / 3
    #expect(combiner.probabilities([1, 2, 3]) == [third, third, third])
}
