// The stratified validation split: every intent with enough examples is represented, the share
// is close to the fraction, sentiment-only examples are stratified by sentiment, unlabelled
// examples always train, the seed fixes the split, and intents below a minimum hold nothing out.
import LanguageModeling
import Primitives
import Testing

@Test func theSplitIsStratifiedAndSeeded() {
    var examples = (0..<5).flatMap { intent in
        (0..<(20 + intent * 10)).map { TrainingExample(text: "text \(intent) \($0)", intent: "intent\(intent)") }
    }
    examples += (0..<7).map { TrainingExample(text: "unlabelled \($0)") }
    let split = DatasetSplit(examples, validationFraction: 0.1, seed: 1)
    for intent in 0..<5 {
        let held = split.validation.filter { $0.intent == "intent\(intent)" }.count
        #expect(held == Int((Double(20 + intent * 10) * 0.1).rounded()))
    }
    #expect(split.training.count + split.validation.count == examples.count)
    #expect(split.validation.allSatisfy { $0.intent != nil })
    #expect(Set(split.training + split.validation) == Set(examples))
    #expect(DatasetSplit(examples, validationFraction: 0.1, seed: 1).validation == split.validation)
    #expect(DatasetSplit(examples, validationFraction: 0.1, seed: 2).validation != split.validation)
}

@Test func smallIntentsKeepTheirExamplesAndRareOnesGiveAtLeastOne() {
    let examples = [TrainingExample(text: "a", intent: "tiny"), TrainingExample(text: "b", intent: "tiny")]
        + (0..<4).map { TrainingExample(text: "c\($0)", intent: "small") }
    let split = DatasetSplit(examples, validationFraction: 0.1, seed: 3)
    #expect(split.validation.filter { $0.intent == "tiny" }.isEmpty)
    #expect(split.validation.filter { $0.intent == "small" }.count == 1)
    #expect(DatasetSplit(examples, validationFraction: 0, seed: 3).validation.isEmpty)
}

@Test func sentimentOnlyExamplesAreStratifiedBySentiment() {
    let counts: [(SentimentLabel, Int)] = [(.negative, 60), (.neutral, 30), (.positive, 10)]
    let examples = counts.flatMap { sentiment, count in
        (0..<count).map { TrainingExample(text: "\(sentiment.rawValue) \($0)", sentiment: sentiment) }
    } + [TrainingExample(text: "no label")]
    let split = DatasetSplit(examples, validationFraction: 0.2, seed: 4)
    for (sentiment, count) in counts {
        #expect(split.validation.filter { $0.sentiment == sentiment }.count == count / 5)
    }
    #expect(split.training.contains(TrainingExample(text: "no label")))
    #expect(Set(split.training + split.validation) == Set(examples))
}

@Test func intentsBelowTheMinimumHoldNothingOutAndSentimentsAreNotAffected() {
    let examples = (0..<10).map { TrainingExample(text: "few \($0)", intent: "few") }
        + (0..<30).map { TrainingExample(text: "many \($0)", intent: "many") }
        + (0..<10).map { TrainingExample(text: "calm \($0)", sentiment: .neutral) }
    let split = DatasetSplit(examples, validationFraction: 0.1, seed: 5, minimumGroupSize: 20)
    #expect(split.validation.filter { $0.intent == "few" }.isEmpty)
    #expect(split.validation.filter { $0.intent == "many" }.count == 3)
    #expect(split.validation.filter { $0.sentiment == .neutral }.count == 1)
    #expect(Set(split.training + split.validation) == Set(examples))
    let none = DatasetSplit(examples, validationFraction: 0.1, seed: 5, minimumGroupSize: 31)
    #expect(none.validation.filter { $0.intent != nil }.isEmpty)
}
