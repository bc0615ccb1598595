// What `chatbot sentiment --file` does to a table: adds `label` and `score` columns.
import FileFormats
import Foundation
import Primitives
import Sentiment

/// Annotates CSV tables with sentiment.
package enum SentimentAnnotation {
    /// `table` with `label` and `score` columns set (appended, or overwritten if present).
    ///
    /// - Throws: `FileFormatError` at `file:1` if `table` has no header or no column `column`.
    package static func annotate(
        _ table: CSVTable, column: String, file: String, with analyser: any SentimentAnalyser
    ) throws(FileFormatError) -> CSVTable {
        let textColumn = try table.requiredColumn(named: column, file: file)
        var result = table
        let labelColumn = result.ensureColumn("label")
        let scoreColumn = result.ensureColumn("score")
        let sentiments = analyser.analyse(result.records.map { $0[textColumn] ?? "" })
        for (index, sentiment) in zip(result.records.indices, sentiments) {
            while result.records[index].fields.count < result.header.count { result.records[index].fields.append("") }
            result.records[index].fields[labelColumn] = sentiment.label.rawValue
            result.records[index].fields[scoreColumn] = String(format: "%.4f", sentiment.score)
        }
        return result
    }
}

extension CSVTable {
    /// The index of column `name`, appended to the header first if the table has none of that name.
    fileprivate mutating func ensureColumn(_ name: String) -> Int {
        if let index = column(named: name) { return index }
        header.append(name)
        return header.count - 1
    }
}
