// Wall-clock timing helpers for benchmarks: repeat a body, keep per-run times, summarise.
import Foundation

/// Times closures with a monotonic clock.
public enum Stopwatch {
    /// Seconds taken by one call of `body`.
    public static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Per-run seconds of `runs` calls of `body`, after `warmUp` untimed calls.
    public static func samples(warmUp: Int = 1, runs: Int, _ body: () throws -> Void) rethrows -> [Double] {
        for _ in 0..<warmUp { try body() }
        return try (0..<runs).map { _ in try seconds(body) }
    }
}

extension Array where Element == Double {
    /// The p-th percentile (0…100) by linear interpolation between closest ranks.
    public func percentile(_ p: Double) -> Double {
        guard !isEmpty else { return .nan }
        let sorted = self.sorted()
        let rank = Double(sorted.count - 1) * p / 100
        let low = Int(rank.rounded(.down)), high = Int(rank.rounded(.up))
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - Double(low))
    }

    /// The median.
    public var median: Double { percentile(50) }
}
