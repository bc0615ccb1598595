// Warm-up then cosine decay to a floor.
import TensorCore
import Testing

@Test func scheduleWarmsUpLinearlyThenDecaysByCosineToTheFloor() {
    let schedule = LearningRateSchedule(peak: 1e-3, floor: 1e-4, warmupSteps: 10, totalSteps: 110)
    #expect(abs(schedule.rate(at: 0) - 1e-4) < 1e-9)
    #expect(abs(schedule.rate(at: 4) - 5e-4) < 1e-9)
    #expect(abs(schedule.rate(at: 9) - 1e-3) < 1e-9)
    #expect(abs(schedule.rate(at: 10) - 1e-3) < 1e-9)
    #expect(abs(schedule.rate(at: 60) - 5.5e-4) < 1e-8, "halfway down the cosine")
    #expect(abs(schedule.rate(at: 110) - 1e-4) < 1e-9)
    #expect(abs(schedule.rate(at: 500) - 1e-4) < 1e-9)
    let rates = (10...110).map(schedule.rate(at:))
    #expect(zip(rates, rates.dropFirst()).allSatisfy { $0 >= $1 })
}
