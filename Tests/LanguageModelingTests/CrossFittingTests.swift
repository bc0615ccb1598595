// Calibration without a validation split: with nothing held out, fold models give out-of-fold
// logits and the thresholds are fitted on them; with cross-fitting off nothing is calibrated
// (and nothing flagged); with a validation split the split is used as before.
import LanguageModeling
import Testing

@Test func withNothingHeldOutTheCalibrationIsFittedOnFoldModels() throws {
    let (model, report) = try ChatModelTrainer(config: Fixtures.config()).train(Fixtures.examples)
    #expect(report.validationExampleCount == 0 && report.crossFitFolds == 2)
    #expect(model.calibration.method == "in-scope-quantile")
    #expect(model.calibration.temperature != 1 && model.calibration.confidenceThreshold > 0)
    #expect(report.trainingAccuracy == 1)
}

@Test func withoutCrossFittingOrHeldOutDataNothingIsFlagged() throws {
    var config = Fixtures.config()
    config.crossFitFolds = 0
    let (model, report) = try ChatModelTrainer(config: config).train(Fixtures.examples)
    #expect(report.crossFitFolds == 0 && model.calibration == Calibration())
    let predictions = try model.predict(Fixtures.paraphrases.map(\.0) + ["zxqv wplk"])
    #expect(predictions.allSatisfy { !$0.isOutOfScope })
}

@Test func aValidationSplitIsUsedInsteadOfFoldModels() throws {
    var config = Fixtures.config()
    config.epochs = 20
    (config.validationFraction, config.validationMinimumPerIntent) = (0.25, 3)
    let (model, report) = try ChatModelTrainer(config: config).train(Fixtures.examples)
    #expect(report.validationExampleCount > 0 && report.crossFitFolds == 0)
    #expect(model.calibration.method == "in-scope-quantile")
}
