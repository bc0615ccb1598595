// The table `chatbot propose-intents` prints: what was read, what the model did not know, and
// one line per draft written.
import Foundation
import ModelLifecycle

/// Formats a discovery result for people.
enum ProposeIntentsSummary {
    /// The summary lines and the draft table.
    static func text(_ result: IntentDiscovery.Result, modelVersion: String, folder: String) -> String {
        var lines = [
            "read \(result.turnsRead) unlabelled customer turns; \(result.unknownTurns) unknown to model \(modelVersion)",
            "clustered \(result.textsClustered) distinct texts into \(result.clusters) clusters"
                + (result.silhouette.map { String(format: " (silhouette %.3f)", $0) } ?? ""),
        ]
        guard !result.drafts.isEmpty else {
            lines.append("no cluster is large enough to propose (see --min-size)")
            return lines.joined(separator: "\n")
        }
        let nameWidth = max(5, result.drafts.map(\.name.count).max() ?? 0)
        lines.append("")
        lines.append("draft".padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  turns  replies  top words")
        for draft in result.drafts {
            lines.append(draft.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
                         + "  " + String(draft.turnCount).leftPadded(5) + "  " + String(draft.replies.count).leftPadded(7)
                         + "  " + draft.topWords.joined(separator: ", "))
        }
        lines.append("")
        lines.append("wrote \(result.drafts.count) draft\(result.drafts.count == 1 ? "" : "s") to \(folder)/")
        return lines.joined(separator: "\n")
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
