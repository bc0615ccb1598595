// How `chatbot sentiment` prints one result: a short human report or JSON.
import Foundation
import Primitives
import Sentiment

/// Formats sentiment results for the terminal.
package enum SentimentReport {
    /// `label`, `score`, the analyser's name if given, and one line per driver (contribution,
    /// term, the rules that changed it).
    package static func text(_ result: SentimentResult, analyser: String? = nil) -> String {
        var lines = ["label: \(result.label.rawValue)", "score: \(String(format: "%+.3f", result.score))"]
        if let analyser { lines.append("analyser: \(analyser)") }
        if result.drivers.isEmpty {
            lines.append("drivers: none (no sentiment words)")
        } else {
            lines.append("drivers:")
            for driver in result.drivers {
                let notes = driver.notes.isEmpty ? "" : "  (\(driver.notes.joined(separator: ", ")))"
                lines.append("  \(String(format: "%+6.2f", driver.contribution))  \(driver.term)\(notes)")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The result as one line of JSON.
    package static func json(_ result: SentimentResult) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(result), as: UTF8.self)
    }
}
