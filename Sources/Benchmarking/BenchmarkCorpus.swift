// The benchmark corpus: every `text` cell of the CSVs under ../shared/data (or $CHATBOT_DATA_DIR),
// one text per entry, read at benchmark time and never copied into the repository.
import Foundation

/// Texts read from the shared benchmark data sets.
public struct BenchmarkCorpus: Sendable {
    /// One entry per CSV row, newlines inside a text replaced by spaces.
    public var texts: [String]
    /// Where they were read from.
    public var directory: String

    /// Total UTF-8 bytes of all texts plus one newline each (the size of the corpus as a file).
    public var byteCount: Int { texts.reduce(0) { $0 + $1.utf8.count + 1 } }

    /// The data directory: `$CHATBOT_DATA_DIR`, else `../shared/data`, else `shared/data`; nil if none exists.
    public static func locateData() -> String? {
        var candidates = ["../shared/data", "shared/data"]
        if let env = ProcessInfo.processInfo.environment["CHATBOT_DATA_DIR"] { candidates.insert(env, at: 0) }
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// Loads every `*.csv` below the data directory (sorted by path), or nil if there is none.
    public static func load() -> BenchmarkCorpus? {
        guard let directory = locateData(),
              let paths = try? FileManager.default.subpathsOfDirectory(atPath: directory)
        else { return nil }
        var texts: [String] = []
        for path in paths.sorted() where path.hasSuffix(".csv") {
            guard let data = FileManager.default.contents(atPath: directory + "/" + path) else { continue }
            texts += textColumn(of: String(decoding: data, as: UTF8.self))
        }
        return texts.isEmpty ? nil : BenchmarkCorpus(texts: texts, directory: directory)
    }

    /// The `text` column of RFC 4180 CSV with a header row.
    static func textColumn(of csv: String) -> [String] {
        let rows = parseCSV(csv)
        guard let header = rows.first, let column = header.firstIndex(of: "text") else { return [] }
        return rows.dropFirst().compactMap { row in
            column < row.count ? row[column].split(whereSeparator: \.isNewline).joined(separator: " ") : nil
        }
    }

    /// Rows of fields; quoted fields may hold commas, doubled quotes and newlines.
    static func parseCSV(_ csv: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = String.UnicodeScalarView()
        var inQuotes = false, afterQuote = false
        for scalar in csv.unicodeScalars {
            if inQuotes {
                if scalar == "\"" { inQuotes = false; afterQuote = true } else { field.append(scalar) }
                continue
            }
            switch scalar {
            case "\"":
                if afterQuote { field.append("\"") }
                inQuotes = true
                afterQuote = false
            case ",":
                row.append(String(field)); field = .init(); afterQuote = false
            case "\n":
                row.append(String(field)); field = .init(); afterQuote = false
                rows.append(row); row = []
            case "\r":
                afterQuote = false
            default:
                field.append(scalar); afterQuote = false
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(String(field)); rows.append(row) }
        return rows
    }
}
