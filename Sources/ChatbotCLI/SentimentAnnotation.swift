// What `chatbot sentiment --file` does to a table: adds `label` and `score` columns.
import Foundation
import Sentiment

/// Annotates CSV tables with sentiment.
package enum SentimentAnnotation {
    /// `table` with `label` and `score` columns set (appended, or overwritten if present).
    package static func annotate(_ table: CSVTable, column: String, file: String, with analyser: any SentimentAnalyser) throws -> CSVTable {
        let textColumn = try table.column(named: column, file: file)
        var result = table
        var labelColumn = table.header.firstIndex(of: "label")
        var scoreColumn = table.header.firstIndex(of: "score")
        if labelColumn == nil {
            result.header.append("label")
            labelColumn = result.header.count - 1
        }
        if scoreColumn == nil {
            result.header.append("score")
            scoreColumn = result.header.count - 1
        }
        for index in result.rows.indices {
            let sentiment = analyser.analyse(result.rows[index][textColumn])
            while result.rows[index].count < result.header.count { result.rows[index].append("") }
            result.rows[index][labelColumn ?? 0] = sentiment.label.rawValue
            result.rows[index][scoreColumn ?? 0] = String(format: "%.4f", sentiment.score)
        }
        return result
    }
}
