// Evaluation metrics against hand-computed answers: accuracy, macro-F1 with a never-predicted
// class, confused-pair order, CLINC150-style out-of-scope figures, the histogram and the JSON.
import Foundation
import ModelLifecycle
import Testing

/// Six rows over a, b, c: two right, `c` never predicted.
private let threeClassRows = [
    EvaluationRow(gold: "a", predicted: "a", confidence: 0.9, isOutOfScope: false),
    EvaluationRow(gold: "a", predicted: "b", confidence: 0.6, isOutOfScope: false),
    EvaluationRow(gold: "b", predicted: "b", confidence: 0.8, isOutOfScope: false),
    EvaluationRow(gold: "b", predicted: "a", confidence: 0.55, isOutOfScope: false),
    EvaluationRow(gold: "c", predicted: "a", confidence: 0.4, isOutOfScope: false),
    EvaluationRow(gold: "a", predicted: "b", confidence: 0.65, isOutOfScope: false),
]

/// Three out-of-scope rows (two flagged, one of them by an oos class) and three in-scope rows (one wrongly flagged).
private let outOfScopeRows = [
    EvaluationRow(gold: "oos", predicted: "a", confidence: 0.3, isOutOfScope: true),
    EvaluationRow(gold: "oos", predicted: "b", confidence: 0.7, isOutOfScope: false),
    EvaluationRow(gold: "oos", predicted: "oos", confidence: 0.9, isOutOfScope: true),
    EvaluationRow(gold: "a", predicted: "a", confidence: 0.95, isOutOfScope: false),
    EvaluationRow(gold: "a", predicted: "a", confidence: 0.2, isOutOfScope: true),
    EvaluationRow(gold: "b", predicted: "b", confidence: 1.0, isOutOfScope: false),
]

@Test func accuracyPerIntentScoresAndMacroF1MatchHandComputedValues() throws {
    let metrics = EvaluationMetrics(rows: threeClassRows)
    #expect(metrics.count == 6)
    #expect(abs(metrics.accuracy - 2.0 / 6) < 1e-12)
    let scores = Dictionary(uniqueKeysWithValues: metrics.perIntent.map { ($0.intent, $0) })
    #expect(metrics.perIntent.map(\.intent) == ["a", "b", "c"])
    let a = try #require(scores["a"]), b = try #require(scores["b"]), c = try #require(scores["c"])
    #expect((a.precision, a.recall, a.support) == (1.0 / 3, 1.0 / 3, 3))
    #expect(abs(a.f1 - 1.0 / 3) < 1e-12)
    #expect(abs(b.precision - 1.0 / 3) < 1e-12 && b.recall == 0.5 && b.support == 2)
    #expect(abs(b.f1 - 0.4) < 1e-12)
    // Never predicted: precision 0/0 counts as 0, and its F1 of 0 is in the macro average.
    #expect((c.precision, c.recall, c.f1, c.support) == (0, 0, 0, 1))
    #expect(abs(metrics.macroF1 - (1.0 / 3 + 0.4) / 3) < 1e-12)
    #expect(metrics.outOfScopeRecall == nil && metrics.outOfScopeCount == 0)
    #expect(metrics.inScopeAccuracy == metrics.accuracy)
}

@Test func confusedPairsAreMostFrequentFirstThenByGoldLabel() {
    let pairs = EvaluationMetrics(rows: threeClassRows).confusedPairs
    #expect(pairs == [ConfusedPair(gold: "a", predicted: "b", count: 2),
                      ConfusedPair(gold: "b", predicted: "a", count: 1),
                      ConfusedPair(gold: "c", predicted: "a", count: 1)])
}

@Test func outOfScopeRowsAreRightWhenFlaggedWhetherOrNotTheModelHasAnOOSClass() {
    let metrics = EvaluationMetrics(rows: outOfScopeRows)
    #expect(metrics.outOfScopeCount == 3 && metrics.inScopeCount == 3)
    #expect(metrics.outOfScopeRecall == 2.0 / 3)
    #expect(metrics.inScopeAccuracy == 2.0 / 3)
    #expect(metrics.inScopeFlaggedRate == 1.0 / 3)
    #expect(metrics.accuracy == 4.0 / 6)
    #expect(Set(metrics.confusedPairs) == [ConfusedPair(gold: "oos", predicted: "b", count: 1),
                                           ConfusedPair(gold: "a", predicted: "oos", count: 1)])
    // oos: 2 of 3 flagged, 3 answers of oos of which 2 right.
    let oos = metrics.perIntent.first { $0.intent == "oos" }
    #expect(oos?.support == 3 && oos?.truePositives == 2 && oos?.predictedCount == 3)
}

@Test func aCustomOutOfScopeLabelIsHonoured() {
    let rows = [EvaluationRow(gold: "none", predicted: "a", confidence: 0.2, isOutOfScope: true),
                EvaluationRow(gold: "a", predicted: "a", confidence: 0.9, isOutOfScope: false)]
    let metrics = EvaluationMetrics(rows: rows, outOfScopeLabel: "none")
    #expect(metrics.accuracy == 1 && metrics.outOfScopeRecall == 1 && metrics.inScopeAccuracy == 1)
    #expect(EvaluationMetrics(rows: rows).accuracy == 0.5, "with the default label, `none` is just an intent")
}

@Test func histogramSplitsRightAndWrongAnswersIntoTenBins() {
    let histogram = EvaluationMetrics(rows: threeClassRows + outOfScopeRows).histogram
    #expect(histogram.correct == [0, 0, 0, 1, 0, 0, 0, 0, 1, 4])
    #expect(histogram.wrong == [0, 0, 1, 0, 1, 1, 2, 1, 0, 0])
    #expect(ConfidenceHistogram.bin(of: 1) == 9 && ConfidenceHistogram.bin(of: -1) == 0 && ConfidenceHistogram.bin(of: .nan) == 0)
}

@Test func noRowsGiveZerosRatherThanACrash() {
    let metrics = EvaluationMetrics(rows: [])
    #expect(metrics.count == 0 && metrics.accuracy == 0 && metrics.macroF1 == 0)
    #expect(metrics.inScopeAccuracy == nil && metrics.outOfScopeRecall == nil && metrics.confusedPairs.isEmpty)
}

@Test func jsonHasTheDocumentedKeys() throws {
    let object = try #require(try JSONSerialization.jsonObject(
        with: Data(EvaluationMetrics(rows: outOfScopeRows).jsonString().utf8)) as? [String: Any])
    for key in ["n", "accuracy", "macro_f1", "oos_recall", "in_scope_accuracy", "per_intent", "confused_pairs",
                "confidence_histogram", "oos_label"] {
        #expect(object[key] != nil, "missing \(key)")
    }
    #expect(object["n"] as? Int == 6)
    #expect((object["oos_recall"] as? Double).map { abs($0 - 2.0 / 3) < 1e-12 } == true)
    let perIntent = try #require(object["per_intent"] as? [String: [String: Any]])
    #expect(perIntent["a"]?["support"] as? Int == 2)
    #expect((object["confidence_histogram"] as? [Any])?.count == 10)

    let noOOS = try #require(try JSONSerialization.jsonObject(
        with: Data(EvaluationMetrics(rows: threeClassRows).jsonString().utf8)) as? [String: Any])
    #expect(noOOS["oos_recall"] == nil, "oos_recall only when the data has out-of-scope rows")
    let pairs = try #require(noOOS["confused_pairs"] as? [[String: Any]])
    #expect(pairs.first?["gold"] as? String == "a" && pairs.first?["count"] as? Int == 2)
}

@Test func summaryNamesTheHeadlineFiguresAndTopConfusions() {
    let summary = EvaluationMetrics(rows: outOfScopeRows).summary()
    #expect(summary.contains("accuracy:            66.67 %"))
    #expect(summary.contains("out-of-scope recall: 66.67 %"))
    #expect(summary.contains("1x  a -> oos"))
    #expect(!EvaluationMetrics(rows: threeClassRows).summary().contains("out-of-scope recall"))
}

@Test func matrixLabelsSortIgnoringCase() {
    let matrix = ConfusionMatrix(pairs: [(gold: "b", predicted: "B"), (gold: "a", predicted: "Refund")])
    #expect(matrix.labels == ["a", "B", "b", "Refund"])
    #expect(matrix.counts[2][1] == 1 && matrix.rowShare(2, 1) == 1 && matrix.rowShare(1, 1) == 0)
}
