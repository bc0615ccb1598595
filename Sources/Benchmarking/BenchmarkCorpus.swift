// The benchmark corpus: every `text` cell of the CSVs under the shared data folder (`--data-dir`),
// one text per entry, read at benchmark time and never copied into the repository.
import FileFormats
import Foundation

/// Texts read from the shared benchmark data sets.
public struct BenchmarkCorpus: Sendable {
    /// One entry per CSV row, newlines inside a text replaced by spaces.
    public var texts: [String]
    /// Where they were read from.
    public var directory: String

    /// Total UTF-8 bytes of all texts plus one newline each (the size of the corpus as a file).
    public var byteCount: Int { texts.reduce(0) { $0 + $1.utf8.count + 1 } }

    /// Loads every `*.csv` below `dataDirectory` (default: the shared data folder; sorted by path), or nil if there is none.
    ///
    /// - Throws: `FileFormatError` naming the file and line of malformed CSV.
    public static func load(from dataDirectory: String? = nil) throws(FileFormatError) -> BenchmarkCorpus? {
        guard let directory = dataDirectory ?? BenchmarkInputs().locateData(),
              let paths = try? FileManager.default.subpathsOfDirectory(atPath: directory)
        else { return nil }
        var texts: [String] = []
        for path in paths.sorted() where path.hasSuffix(".csv") {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(path)
            let table = try CSVReader.read(contentsOf: url, displayPath: directory + "/" + path, repairingInvalidUTF8: true)
            texts += textColumn(of: table)
        }
        return texts.isEmpty ? nil : BenchmarkCorpus(texts: texts, directory: directory)
    }

    /// The `text` column of a table (none if it has no such column), line breaks made spaces.
    static func textColumn(of table: CSVTable) -> [String] {
        guard let column = table.column(named: "text") else { return [] }
        return table.records.compactMap { record in
            record[column].map { $0.split(whereSeparator: \.isNewline).joined(separator: " ") }
        }
    }
}
