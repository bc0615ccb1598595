// How confident the model was on right and wrong answers, in ten equal bins over 0...1: a
// well-calibrated model puts its mistakes in the low bins.

/// Counts of right and wrong answers per confidence bin.
public struct ConfidenceHistogram: Hashable, Sendable {
    /// The number of equal-width bins over 0...1.
    public static let binCount = 10

    /// Right answers per bin (bin i covers [i/10, (i+1)/10), the last one includes 1).
    public var correct: [Int]
    /// Wrong answers per bin.
    public var wrong: [Int]

    /// Tallies (confidence, right?) pairs; confidences outside 0...1 go to the end bins.
    public init(_ answers: [(confidence: Double, isCorrect: Bool)]) {
        correct = [Int](repeating: 0, count: Self.binCount)
        wrong = correct
        for answer in answers {
            let bin = Self.bin(of: answer.confidence)
            if answer.isCorrect { correct[bin] += 1 } else { wrong[bin] += 1 }
        }
    }

    /// The bin of `confidence` (NaN goes to bin 0).
    public static func bin(of confidence: Double) -> Int {
        guard confidence.isFinite, confidence > 0 else { return 0 }
        return min(binCount - 1, Int(confidence * Double(binCount)))
    }

    /// The lower edge of bin `index`.
    public static func lowerEdge(_ index: Int) -> Double { Double(index) / Double(binCount) }
}
