// The stopwatch on ContinuousClock: positive, plausible times, one per run after the warm-up.
import Primitives
import Testing

@Test func samplesTimeEachRunAfterTheWarmUp() {
    var calls = 0
    let samples = Stopwatch.samples(warmUp: 2, runs: 3) { calls += 1 }
    #expect(calls == 5 && samples.count == 3 && samples.allSatisfy { $0 >= 0 && $0 < 1 })
    #expect(Duration.milliseconds(1500).seconds == 1.5)
}
