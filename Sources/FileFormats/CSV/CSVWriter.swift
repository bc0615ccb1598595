// Writes CSV that `CSVReader` and other RFC 4180 readers read back unchanged: fields with
// delimiters, quotes, line breaks or edge spaces are quoted, quotes doubled.
import Foundation

/// Formats records as CSV text.
public enum CSVWriter {
    /// One field, quoted when needed.
    public static func field(_ value: String, delimiter: Unicode.Scalar = ",") -> String {
        let needsQuotes = value.unicodeScalars.contains { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || value.first?.isWhitespace == true || value.last?.isWhitespace == true
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record without its line ending.
    public static func record(_ fields: [String], delimiter: Unicode.Scalar = ",") -> String {
        fields.map { field($0, delimiter: delimiter) }.joined(separator: String(Character(delimiter)))
    }

    /// A whole table: the header (if not empty) and the rows, each ended by `lineEnding`.
    public static func table(
        header: [String], rows: [[String]], delimiter: Unicode.Scalar = ",", lineEnding: String = "\n"
    ) -> String {
        var text = ""
        if !header.isEmpty { text += record(header, delimiter: delimiter) + lineEnding }
        for row in rows { text += record(row, delimiter: delimiter) + lineEnding }
        return text
    }
}
