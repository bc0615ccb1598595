// The metrics as a few readable lines for the terminal (what `chatbot evaluate` prints).
import Foundation

extension EvaluationMetrics {
    /// Accuracy, macro-F1, out-of-scope figures when there are out-of-scope rows, and the top `pairs` confusions.
    public func summary(pairs: Int = 10) -> String {
        var lines = [
            Self.line("rows", "\(count) (\(inScopeCount) in scope, \(outOfScopeCount) out of scope)"),
            Self.line("accuracy", Self.percent(accuracy)),
            Self.line("macro-F1", Self.percent(macroF1)),
        ]
        if outOfScopeCount > 0 {
            if let inScopeAccuracy { lines.append(Self.line("in-scope accuracy", Self.percent(inScopeAccuracy))) }
            if let outOfScopeRecall { lines.append(Self.line("out-of-scope recall", Self.percent(outOfScopeRecall))) }
        }
        if let inScopeFlaggedRate, inScopeFlaggedRate > 0 {
            lines.append(Self.line("in scope, flagged", Self.percent(inScopeFlaggedRate)))
        }
        if confusedPairs.isEmpty {
            lines.append("no confusions")
        } else {
            lines.append("most confused (gold -> answered):")
            for pair in confusedPairs.prefix(pairs) {
                lines.append("  \(pair.count)x  \(pair.gold) -> \(pair.predicted)")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `name:` padded to a common width, then `value`.
    private static func line(_ name: String, _ value: String) -> String {
        (name + ":").padding(toLength: 21, withPad: " ", startingAt: 0) + value
    }

    /// `0.8765` as `87.65 %`.
    static func percent(_ value: Double) -> String { String(format: "%.2f %%", value * 100) }
}
