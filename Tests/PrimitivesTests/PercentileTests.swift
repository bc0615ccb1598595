// The one percentile: linear interpolation between closest ranks (NumPy's default).
import Primitives
import Testing

@Test func percentilesInterpolateBetweenTheClosestRanks() {
    let values: [Double] = [4, 1, 3, 2]
    #expect(values.percentile(0) == 1)
    #expect(values.percentile(100) == 4)
    #expect(values.median == 2.5)
    #expect(abs(values.percentile(99) - 3.97) < 1e-12)
    #expect(Array(1...100).map(Double.init).percentile(50) == 50.5)
}

@Test func anEmptyListHasNoPercentileAndOneValueIsEveryPercentile() {
    #expect([Double]().percentile(50).isNaN)
    #expect([7.0].percentile(1) == 7 && [7.0].percentile(99) == 7)
}
