// Counts of (gold, predicted) label pairs over sorted labels, for the report's matrix.

/// A square table of counts: rows are gold labels, columns predicted labels, both sorted.
public struct ConfusionMatrix: Hashable, Sendable {
    /// Every label seen as gold or prediction, sorted ignoring case (then by code point).
    public var labels: [String]
    /// counts[gold][predicted], indexed like `labels`.
    public var counts: [[Int]]

    /// Tallies `pairs` of (gold, predicted) labels.
    public init(pairs: [(gold: String, predicted: String)]) {
        labels = Set(pairs.flatMap { [$0.gold, $0.predicted] }).sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        var counts = [[Int]](repeating: [Int](repeating: 0, count: labels.count), count: labels.count)
        for pair in pairs {
            if let row = index[pair.gold], let column = index[pair.predicted] { counts[row][column] += 1 }
        }
        self.counts = counts
    }

    /// counts[row][column] divided by the row's total (0 for an empty row).
    public func rowShare(_ row: Int, _ column: Int) -> Double {
        let total = counts[row].reduce(0, +)
        return total == 0 ? 0 : Double(counts[row][column]) / Double(total)
    }
}
