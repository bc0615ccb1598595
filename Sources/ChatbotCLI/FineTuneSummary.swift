// What `chatbot finetune` prints: where the examples came from, the before/after table
// (overall, old data, new data, each intent the new data is about, new intents marked) and the
// gate's decision with its reasons.
import Foundation
import LanguageModeling
import ModelLifecycle

/// Formats a fine-tuning outcome for people.
enum FineTuneSummary {
    /// The whole report.
    static func report(_ outcome: FineTuning.Outcome, base: String, settings: FineTuneSettings) -> String {
        let data = outcome.data
        let threshold = settings.pseudoLabelThreshold > 1 ? "off" : String(format: "confidence ≥ %.2f", settings.pseudoLabelThreshold)
        var lines = [
            "base: \(base)",
            "examples: \(data.labelled) labelled, \(data.pseudoLabelled) pseudo-labelled (\(threshold)), \(data.unlabelled) unlabelled; "
                + "\(data.replyTargets) reply targets, \(data.badReplies) replies rated bad (never trained on)",
            "trained on \(data.training.count) new + \(outcome.replayed) replayed examples, \(data.heldOut.count) new held out for the gate; "
                + String(format: "%d epochs, %.1f s", outcome.report.epochsRun, outcome.report.wallSeconds),
        ]
        let handOffs = data.review.filter { $0.signal == .handOff }.count
        lines.append("implicit feedback: \(data.review.count) replies judged negative (\(handOffs) hand-offs, "
                     + "\(data.review.count - handOffs) clearly negative next turns), never learned; \(data.weakPositives) weak positives "
                     + "(thanks or a positive next turn), \(data.confirmed.count) of their bot readings checked by the gate with the old data")
        if let file = outcome.reviewFile { lines.append("queued for review: \(data.review.count) replies, listed in \(file.path)") }
        if !outcome.newIntents.isEmpty {
            lines.append("new intents: \(outcome.newIntents.joined(separator: ", ")) (the chat and `answer` reply to one once the "
                         + "intents folder has its YAML file with responses; until then they ask the customer to rephrase)")
        }
        lines.append("")
        lines += table(outcome.verdict)
        lines.append("")
        let verdict = outcome.verdict
        lines.append("gate: \(verdict.passed ? "passed" : "failed") — " + verdict.reasons.joined(separator: "; "))
        if let name = outcome.registeredName {
            if outcome.promoted {
                lines.append("active version: \(name)" + (verdict.passed ? "" : " (promoted by --force)"))
            } else {
                lines.append("\(base) stays active; the candidate is kept as rejected version \(name) (--force promotes it anyway)")
            }
        } else {
            lines.append("candidate written to \(outcome.directory.path) (not registered)")
        }
        return lines.joined(separator: "\n")
    }

    /// The before/after rows.
    static func table(_ verdict: RegressionGate.Verdict) -> [String] {
        var rows: [(String, RegressionGate.Score, RegressionGate.Score)] = [
            ("overall (held out)", verdict.overallBase, verdict.overallCandidate),
            ("old data", verdict.oldBase, verdict.oldCandidate),
            ("new data", verdict.newBase, verdict.newCandidate),
        ]
        for row in verdict.intents {
            rows.append(((row.isNew ? "new intent " : "intent ") + row.intent, row.base, row.candidate))
        }
        let width = max(20, rows.map(\.0.count).max() ?? 0)
        func percent(_ score: RegressionGate.Score) -> String {
            (score.accuracy.map { String(format: "%.1f %%", $0 * 100) } ?? "n/a").leftPadded(to: 9)
        }
        let header = "".padding(toLength: width, withPad: " ", startingAt: 0) + "       base  candidate  examples"
        return [header] + rows.map { name, base, candidate in
            name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + percent(base) + "  " + percent(candidate)
                + String(candidate.total).leftPadded(to: 10)
        }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
