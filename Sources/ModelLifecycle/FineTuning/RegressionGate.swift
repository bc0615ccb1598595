// The regression gate: the base and the candidate read the same held-out data (the base's
// validation split and a held-out slice of the new examples); the candidate may replace the
// base only if old-data accuracy drops by at most the tolerance and new-data accuracy rises. A
// failure on the old data says how much of the drop is old messages now read as a new intent.
import Foundation
import LanguageModeling

/// Scores a base and a candidate model on held-out data and decides whether to promote.
public enum RegressionGate {
    /// Correct predictions out of a number of examples.
    public struct Score: Sendable, Equatable {
        /// Correctly predicted examples.
        public var correct = 0
        /// Examples.
        public var total = 0
        /// A score of `correct` out of `total`.
        public init(correct: Int = 0, total: Int = 0) {
            self.correct = correct
            self.total = total
        }

        /// correct / total, nil when there were none.
        public var accuracy: Double? { total > 0 ? Double(correct) / Double(total) : nil }
    }

    /// One intent of the before/after table.
    public struct IntentRow: Sendable, Equatable {
        /// The intent.
        public var intent: String
        /// Whether the base did not know it.
        public var isNew: Bool
        /// The base's score on its held-out examples.
        public var base: Score
        /// The candidate's score on the same examples.
        public var candidate: Score
    }

    /// What the gate measured and decided.
    public struct Verdict: Sendable, Equatable {
        /// The base on the old held-out data.
        public var oldBase = Score()
        /// The candidate on the old held-out data.
        public var oldCandidate = Score()
        /// The base on the new held-out slice.
        public var newBase = Score()
        /// The candidate on the new held-out slice.
        public var newCandidate = Score()
        /// The intents the new data is about, new ones included, by name.
        public var intents: [IntentRow] = []
        /// Old held-out examples the base read right and the candidate reads as one of the new
        /// intents: the part of a drop on the old data that comes from the grown label set rather
        /// than from forgetting (a full retrain loses such examples too when a new intent resembles
        /// an old one).
        public var oldTakenByNew = 0
        /// The allowed drop on old data, in points.
        public var tolerance = 0.5
        /// Whether the candidate passed on its merits.
        public var passed = false
        /// Why it passed or failed, one sentence each.
        public var reasons: [String] = []

        /// No scores yet.
        public init() {}

        /// Both models on all held-out data.
        public var overallBase: Score { Score(correct: oldBase.correct + newBase.correct, total: oldBase.total + newBase.total) }
        /// The candidate on all held-out data.
        public var overallCandidate: Score {
            Score(correct: oldCandidate.correct + newCandidate.correct, total: oldCandidate.total + newCandidate.total)
        }
    }

    /// Scores `base` and `candidate` on `old` and `new` (labelled examples) and decides.
    ///
    /// - Parameter newIntents: the intents the base does not know (marked in the table).
    public static func evaluate(base: ChatModel, candidate: ChatModel, old: [TrainingExample], new: [TrainingExample],
                                newIntents: Set<String>, tolerance: Double) throws(ChatModelError) -> Verdict {
        let old = old.filter { $0.intent != nil }, new = new.filter { $0.intent != nil }
        let all = old + new
        let basePredictions = try base.predict(all.map(\.text), contexts: all.map(\.context), topK: 1).map(\.intent)
        let candidatePredictions = try candidate.predict(all.map(\.text), contexts: all.map(\.context), topK: 1).map(\.intent)
        var verdict = Verdict()
        verdict.tolerance = tolerance
        let changed = Set(new.compactMap(\.intent))
        var rows: [String: IntentRow] = [:]
        for (index, example) in all.enumerated() {
            guard let intent = example.intent else { continue }
            let baseRight = basePredictions[index] == intent, candidateRight = candidatePredictions[index] == intent
            if index < old.count {
                verdict.oldBase.add(baseRight)
                verdict.oldCandidate.add(candidateRight)
                if baseRight, !candidateRight, newIntents.contains(candidatePredictions[index]) { verdict.oldTakenByNew += 1 }
            } else {
                verdict.newBase.add(baseRight)
                verdict.newCandidate.add(candidateRight)
            }
            guard changed.contains(intent) else { continue }
            var row = rows[intent] ?? IntentRow(intent: intent, isNew: newIntents.contains(intent), base: Score(), candidate: Score())
            row.base.add(baseRight)
            row.candidate.add(candidateRight)
            rows[intent] = row
        }
        verdict.intents = rows.keys.sorted().compactMap { rows[$0] }
        decide(&verdict)
        return verdict
    }

    /// Sets `passed` and `reasons` from the scores.
    public static func decide(_ verdict: inout Verdict) {
        var reasons: [String] = []
        var passed = true
        if let before = verdict.oldBase.accuracy, let after = verdict.oldCandidate.accuracy {
            let drop = (before - after) * 100
            if drop > verdict.tolerance + 1e-9 {
                passed = false
                reasons.append(String(format: "old data: accuracy fell %.1f points (%.1f %% → %.1f %%), more than the %.1f-point tolerance",
                                      drop, before * 100, after * 100, verdict.tolerance) + takenByNewNote(verdict))
            } else {
                reasons.append(String(format: "old data: %.1f %% → %.1f %%, within the %.1f-point tolerance",
                                      before * 100, after * 100, verdict.tolerance))
            }
        } else {
            reasons.append("old data: none held out, so forgetting was not measured")
        }
        if let before = verdict.newBase.accuracy, let after = verdict.newCandidate.accuracy {
            if after > before {
                reasons.append(String(format: "new data: better, %.1f %% → %.1f %%", before * 100, after * 100))
            } else {
                passed = false
                reasons.append(String(format: "new data: not better (%.1f %% → %.1f %%)", before * 100, after * 100))
            }
        } else {
            passed = false
            reasons.append("new data: no labelled example held out (an intent needs two labelled examples), so no improvement was shown")
        }
        verdict.passed = passed
        verdict.reasons = reasons
    }
}

extension RegressionGate {
    /// How many points of the old data the base read right are now read as a new intent, with
    /// what to do about it; empty when none are.
    static func takenByNewNote(_ verdict: Verdict) -> String {
        guard verdict.oldTakenByNew > 0, verdict.oldBase.total > 0 else { return "" }
        let points = Double(verdict.oldTakenByNew) / Double(verdict.oldBase.total) * 100
        return String(format: "; %.1f points are old examples the base read right, now read as a new intent (new intents that resemble old "
                      + "ones take some of their messages, as a full retrain does too: review them, then --force or a larger --tolerance)",
                      points)
    }
}

extension RegressionGate.Score {
    /// Counts one more example.
    mutating func add(_ correct: Bool) {
        total += 1
        if correct { self.correct += 1 }
    }
}
