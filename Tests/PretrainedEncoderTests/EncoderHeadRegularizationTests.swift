// The encoder heads' L2 penalty (`inverseRegularization`, C of a logistic regression): a small C
// keeps the heads less sure of their own training messages than a large one, and the vector
// scale is kept with the classifier.
import LanguageModeling
import PretrainedEncoder
import TestSupport
import Testing

@Test func aSmallerCKeepsTheEncoderHeadsLessSure() throws {
    let encoder = try SentenceEncoder.load(from: ReferenceEncoder.tiny)
    let examples = [("I want a refund", "refund"), ("give me my money back", "refund"), ("please refund me", "refund"),
                    ("how much is shipping", "shipping"), ("what does delivery cost", "shipping"), ("is delivery free", "shipping"),
                    ("hello", "greeting"), ("hi there", "greeting"), ("good morning", "greeting")]
        .map { TrainingExample(text: $0.0, intent: $0.1) }
    func meanConfidence(inverseRegularization: Float) throws -> Float {
        var trainer = EncoderClassifierTrainer(config: TinyDomain.config)
        trainer.inverseRegularization = inverseRegularization
        let classifier = try trainer.train(encoder: encoder, training: examples, validation: [])
        #expect(classifier.vectorScale == trainer.vectorScale)
        let predictions = try classifier.predict(examples.map(\.text), topK: 1)
        #expect(predictions.map(\.intent) == examples.map { $0.intent ?? "" }, "both fit their training messages")
        return predictions.map(\.confidence).reduce(0, +) / Float(predictions.count)
    }
    let strong = try meanConfidence(inverseRegularization: 0.5), weak = try meanConfidence(inverseRegularization: 1_000)
    #expect(strong < weak - 0.05, "C 0.5: \(strong), C 1000: \(weak)")
}
