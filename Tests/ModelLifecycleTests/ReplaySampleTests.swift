// The replay sample of fine-tuning: every old intent is replayed, however few the new examples.
import LanguageModeling
import ModelLifecycle
import Testing

@Test func theReplaySampleIsTheRatiosToppedUpToEveryOldIntent() {
    let intents = (0..<32).map { "intent_\($0)" }
    let old = intents.flatMap { intent in (0..<20).map { TrainingExample(text: "\(intent) example \($0)", intent: intent) } }
        + [TrainingExample(text: "unlabelled", intent: nil)]
    let few = FineTuneData.replaySample(old, count: 54, perIntent: 8, seed: 42)
    let counts = Dictionary(grouping: few.compactMap(\.intent), by: { $0 }).mapValues(\.count)
    #expect(counts.count == 32 && counts.values.allSatisfy { $0 >= 8 }, "54 by the ratio, topped up to 8 of each intent: \(counts)")
    #expect(few.count < 54 + 32 * 8)
    #expect(Array(few.prefix(54)).map(\.text) == FineTuneData.replaySample(old, count: 54, seed: 42).map(\.text),
            "the ratio's sample comes first, unchanged")

    let many = FineTuneData.replaySample(old, count: 600, perIntent: 8, seed: 42)
    #expect(many.map(\.text) == FineTuneData.replaySample(old, count: 600, seed: 42).map(\.text),
            "no top-up when the ratio's sample already holds 8 of every intent")
    #expect(Set(many.compactMap(\.intent)).count == 32)

    let scarce = [TrainingExample(text: "only one", intent: "rare")] + old.prefix(40)
    #expect(FineTuneData.replaySample(scarce, count: 0, perIntent: 8, seed: 1).filter { $0.intent == "rare" }.count == 1,
            "an intent with fewer examples than the floor is replayed whole")
    #expect(FineTuneData.replaySample(old, count: 10, perIntent: 0, seed: 42).count == 10, "no floor: the ratio alone")
}
