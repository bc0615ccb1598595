// Out-of-scope calibration: the temperature fit, both threshold rules, and a nonsense query
// flagged out of scope by a model trained on the tiny set.
import LanguageModeling
import Testing

@Test func theFittedTemperatureUndoesKnownOverconfidence() {
    // Logits scaled by 4 from a calibrated source are best explained by T ≈ 4 or so; T must be > 1.
    let logits: [[Float]] = [[8, 0, 0], [0, 8, 0], [8, 4, 0], [0, 0, 8], [4, 8, 0], [8, 0, 4]]
    let labels = [0, 1, 1, 2, 1, 2]
    #expect(Calibration.fitTemperature(logits: logits, labels: labels) > 2)
    // Always right with a large margin: sharpen (T < 1).
    #expect(Calibration.fitTemperature(logits: [[2, 0], [0, 2]], labels: [0, 1]) < 1)
}

@Test func inScopeThresholdsLetTheRequestedShareThrough() {
    let confidences = (0..<100).map { Float($0) / 100 }
    let margins = (0..<100).map { Float(99 - $0) / 100 }
    let (c, m) = Calibration.inScopeThresholds(confidences: confidences, margins: margins, passRate: 0.95)
    var calibration = Calibration()
    (calibration.confidenceThreshold, calibration.marginThreshold) = (c, m)
    let passed = zip(confidences, margins).filter { !calibration.isOutOfScope(confidence: $0, margin: $1) }.count
    #expect((94...96).contains(passed), "\(passed) passed with thresholds \(c), \(m)")
}

@Test func jointThresholdsSeparateOutOfScopeRowsFromConfidentInScopeOnes() {
    let inScope = (0..<20).map { (confidence: Float(0.7 + Double($0) * 0.01), margin: Float(0.5), correct: true) }
    let outOfScope = (0..<10).map { (confidence: Float(0.2 + Double($0) * 0.02), margin: Float(0.05)) }
    let (c, m) = Calibration.jointThresholds(inScope: inScope, outOfScope: outOfScope)
    var calibration = Calibration()
    (calibration.confidenceThreshold, calibration.marginThreshold) = (c, m)
    #expect(inScope.allSatisfy { !calibration.isOutOfScope(confidence: $0.confidence, margin: $0.margin) })
    #expect(outOfScope.allSatisfy { calibration.isOutOfScope(confidence: $0.confidence, margin: $0.margin) })
}

// On 32 examples the validation split is too small for the fitted thresholds to flag nonsense
// reliably, so this checks that nonsense scores below nearly all trained messages and that a
// threshold at their 10th percentile flags it through the model's prediction path.
@Test func aNonsenseQueryScoresBelowTrainedMessagesAndAThresholdFlagsIt() throws {
    var config = Fixtures.config()
    config.labelSmoothing = 0.1
    let model = try ChatModelTrainer(config: config).train(Fixtures.examples).model
    let known = try model.predict(Fixtures.examples.map(\.text)).map(\.confidence).sorted()
    model.calibration.confidenceThreshold = known[known.count / 10]
    let nonsense = try model.predict("zxqv blorp wibble frumious", topK: 3)
    #expect(nonsense.isOutOfScope, "confidence \(nonsense.confidence), known \(known)")
    #expect(nonsense.ranked.count == 3)
    let flagged = try model.predict(Fixtures.examples.map(\.text)).filter(\.isOutOfScope).count
    #expect(flagged <= 4)
}

@Test func anExplicitOutOfScopeClassIsReportedAsOutOfScope() throws {
    var examples = Fixtures.examples
    examples += ["what is the meaning of life", "tell me a joke", "who won the football match", "what is two plus two",
                 "write me a poem", "how tall is the eiffel tower", "play some music", "book me a flight"]
        .map { TrainingExample(text: $0, intent: "oos") }
    let model = try ChatModelTrainer(config: Fixtures.config()).train(examples).model
    let prediction = try model.predict("tell me a joke")
    #expect(prediction.intent == "oos")
    #expect(prediction.isOutOfScope)
}
