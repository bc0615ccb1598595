// How good an intent model is on labelled data: accuracy, macro-F1, per-intent scores, the most
// confused pairs and out-of-scope handling as in CLINC150 (Larson et al. 2019).
//
// A row's *answer* is the out-of-scope label when the model flagged it, else its top intent. An
// out-of-scope row (gold = `outOfScopeLabel`) is right when flagged, whether or not the model has
// such a class; an in-scope row is right when its intent is top and it was not flagged.

/// Metrics of one evaluation run, computed from `EvaluationRow`s alone.
public struct EvaluationMetrics: Sendable {
    /// The gold label that marks out-of-scope queries (default `oos`).
    public let outOfScopeLabel: String
    /// The rows, in input order.
    public let rows: [EvaluationRow]
    /// Number of rows.
    public var count: Int { rows.count }
    /// Share of rows answered right (out-of-scope rows count when flagged).
    public let accuracy: Double
    /// Mean F1 over the labels present in the data (gold support > 0), the out-of-scope label included.
    public let macroF1: Double
    /// Rows whose gold label is an intent.
    public let inScopeCount: Int
    /// Share of in-scope rows with the right intent and not flagged (nil without in-scope rows).
    public let inScopeAccuracy: Double?
    /// Rows whose gold label is the out-of-scope label.
    public let outOfScopeCount: Int
    /// Share of out-of-scope rows the model flagged (nil without out-of-scope rows).
    public let outOfScopeRecall: Double?
    /// Share of in-scope rows the model wrongly flagged as out of scope (nil without in-scope rows).
    public let inScopeFlaggedRate: Double?
    /// Scores per label (gold or answered), sorted by label.
    public let perIntent: [IntentMetrics]
    /// Mistakes grouped by (gold, answer), most frequent first, ties by gold then answer.
    public let confusedPairs: [ConfusedPair]
    /// Gold × answer counts over sorted labels.
    public let confusion: ConfusionMatrix
    /// Confidence of right and wrong answers.
    public let histogram: ConfidenceHistogram

    /// Computes every metric of `rows`, with `outOfScopeLabel` marking out-of-scope gold rows.
    public init(rows: [EvaluationRow], outOfScopeLabel: String = "oos") {
        self.outOfScopeLabel = outOfScopeLabel
        self.rows = rows
        let answers = rows.map { Self.answer(of: $0, outOfScopeLabel: outOfScopeLabel) }
        let right = zip(rows, answers).map { $0.gold == $1 }
        accuracy = Self.share(right.filter { $0 }.count, of: rows.count)

        let inScope = rows.indices.filter { rows[$0].gold != outOfScopeLabel }
        let outOfScope = rows.indices.filter { rows[$0].gold == outOfScopeLabel }
        inScopeCount = inScope.count
        outOfScopeCount = outOfScope.count
        inScopeAccuracy = inScope.isEmpty ? nil : Self.share(inScope.filter { right[$0] }.count, of: inScope.count)
        inScopeFlaggedRate = inScope.isEmpty ? nil
            : Self.share(inScope.filter { answers[$0] == outOfScopeLabel }.count, of: inScope.count)
        outOfScopeRecall = outOfScope.isEmpty ? nil
            : Self.share(outOfScope.filter { right[$0] }.count, of: outOfScope.count)

        let pairs = zip(rows, answers).map { (gold: $0.gold, predicted: $1) }
        confusion = ConfusionMatrix(pairs: pairs)
        perIntent = Self.scores(confusion)
        let present = perIntent.filter { $0.support > 0 }
        macroF1 = present.isEmpty ? 0 : present.map(\.f1).reduce(0, +) / Double(present.count)
        confusedPairs = Self.confusedPairs(confusion)
        histogram = ConfidenceHistogram(zip(rows, right).map { ($0.confidence, $1) })
    }

    /// The label a row is scored as: the out-of-scope label when flagged, else the top intent.
    public static func answer(of row: EvaluationRow, outOfScopeLabel: String) -> String {
        row.isOutOfScope ? outOfScopeLabel : row.predicted
    }

    /// Whether `row` counts as answered right.
    public func isCorrect(_ row: EvaluationRow) -> Bool {
        Self.answer(of: row, outOfScopeLabel: outOfScopeLabel) == row.gold
    }

    /// Per-label counts read off the matrix's rows (support) and columns (predictions).
    private static func scores(_ matrix: ConfusionMatrix) -> [IntentMetrics] {
        matrix.labels.indices.map { index in
            IntentMetrics(intent: matrix.labels[index], truePositives: matrix.counts[index][index],
                          predictedCount: matrix.counts.reduce(0) { $0 + $1[index] },
                          support: matrix.counts[index].reduce(0, +))
        }
    }

    /// The off-diagonal cells with a count, most frequent first.
    private static func confusedPairs(_ matrix: ConfusionMatrix) -> [ConfusedPair] {
        var pairs: [ConfusedPair] = []
        for row in matrix.labels.indices {
            for column in matrix.labels.indices where row != column && matrix.counts[row][column] > 0 {
                pairs.append(ConfusedPair(gold: matrix.labels[row], predicted: matrix.labels[column],
                                          count: matrix.counts[row][column]))
            }
        }
        // Labels are sorted, so the stable sort keeps ties in (gold, predicted) order.
        return pairs.enumerated().sorted { ($0.element.count, -$0.offset) > ($1.element.count, -$1.offset) }.map(\.element)
    }

    private static func share(_ part: Int, of whole: Int) -> Double {
        whole == 0 ? 0 : Double(part) / Double(whole)
    }
}
