// Calibration without a validation split (intents with fewer examples than
// `validation_minimum_per_intent`): the training examples are dealt into stratified folds, a
// model with the same settings trains on all folds but one and reads the one it did not see,
// and the final model's sparse weight, temperature and out-of-scope thresholds are fitted on
// these out-of-fold logits. Fold models see less data than the final model, so they are less
// sure of themselves and the thresholds err towards flagging fewer messages (issue 16).
import Primitives
import TensorCore

/// Out-of-fold intent logits of one training set.
struct CrossFitting {
    /// Number of folds (at least 2).
    let folds: Int
    /// Seed of the deal.
    let seed: UInt64

    /// The fold of each example: intent-labelled examples are shuffled per intent and dealt in
    /// turn; others get nil (they train in every fold model and are never read out).
    func assignments(_ examples: [TrainingExample]) -> [Int?] {
        var generator = SeededGenerator(seed: seed ^ 0xC055_F17)
        var byIntent: [String: [Int]] = [:]
        for (index, example) in examples.enumerated() {
            if let intent = example.intent { byIntent[intent, default: []].append(index) }
        }
        var fold = [Int?](repeating: nil, count: examples.count)
        var next = 0
        for intent in byIntent.keys.sorted() {
            var members = byIntent[intent] ?? []
            members.shuffle(using: &generator)
            for index in members {
                fold[index] = next % folds
                next += 1
            }
        }
        return fold
    }

    /// Trains one model per fold with `trainer` on the other folds (labels fixed to `labels`)
    /// and returns each labelled example's intent and its dense and sparse logits from the
    /// model that did not train on it.
    func outOfFoldLogits(_ examples: [TrainingExample], labels: LabelSet, trainer: ChatModelTrainer,
                         progress: ((TrainingProgress) -> Void)?) throws(ChatModelError)
        -> (intents: [String], dense: [[Float]], sparse: [[Float]]?) {
        let fold = assignments(examples)
        var intents: [String] = [], dense: [[Float]] = [], sparse: [[Float]]? = nil
        for held in 0..<folds {
            let training = examples.indices.filter { fold[$0] != held }.map { examples[$0] }
            let heldOut = examples.indices.filter { fold[$0] == held }.map { examples[$0] }
            guard !heldOut.isEmpty, training.contains(where: { $0.intent != nil }) else { continue }
            let report = progress.map { report in
                { (step: TrainingProgress) in
                    var step = step
                    step.phase = .crossFitting
                    report(step)
                }
            }
            let model = try trainer.fit(training: training, validation: [], labels: labels, progress: report).model
            let texts = heldOut.map(\.text), contexts = heldOut.map(\.context)
            intents += heldOut.map { $0.intent ?? "" }
            dense += try model.logits(for: texts, contexts: contexts, expert: "dense").map(\.intent)
            if model.usesSparseFeatures {
                sparse = (sparse ?? []) + (try model.logits(for: texts, contexts: contexts, expert: "sparse").map(\.intent))
            }
        }
        return (intents, dense, sparse)
    }
}
