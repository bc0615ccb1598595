// The one percentile of the package: linear interpolation between the closest ranks (NumPy's
// default, so figures compare with the Python peers'), and the median.

extension Array where Element == Double {
    /// The p-th percentile (0…100) by linear interpolation between the closest ranks; NaN when empty.
    ///
    /// The sorted values sit at ranks 0…n−1; percentile p reads rank (n − 1) · p / 100, between
    /// its two neighbours. `[1, 2, 3, 4].percentile(50)` is 2.5.
    public func percentile(_ p: Double) -> Double {
        guard !isEmpty else { return .nan }
        let sorted = self.sorted()
        let rank = Double(sorted.count - 1) * Swift.min(Swift.max(p, 0), 100) / 100
        let low = Int(rank.rounded(.down)), high = Int(rank.rounded(.up))
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - Double(low))
    }

    /// The median (the 50th percentile).
    public var median: Double { percentile(50) }
}
