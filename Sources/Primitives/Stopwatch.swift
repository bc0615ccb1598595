// Wall-clock timing on the monotonic `ContinuousClock`: one call, or repeated calls after a warm-up.

/// Times closures with a monotonic clock.
public enum Stopwatch {
    /// Seconds taken by one call of `body`.
    public static func seconds<Failure: Error>(_ body: () throws(Failure) -> Void) throws(Failure) -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        try body()
        return (clock.now - start).seconds
    }

    /// Per-run seconds of `runs` calls of `body`, after `warmUp` untimed calls.
    public static func samples<Failure: Error>(
        warmUp: Int = 1, runs: Int, _ body: () throws(Failure) -> Void
    ) throws(Failure) -> [Double] {
        for _ in 0..<warmUp { try body() }
        var samples: [Double] = []
        for _ in 0..<runs { samples.append(try seconds(body)) }
        return samples
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    public var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
