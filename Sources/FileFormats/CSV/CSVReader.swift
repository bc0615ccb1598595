// A small, careful RFC 4180 CSV reader: quoted fields with embedded delimiters, doubled quotes
// and line breaks, CRLF or LF, an optional UTF-8 BOM; each record keeps the line it starts on.
import Foundation

/// Reads CSV text (RFC 4180) into records, reporting malformed input with file and line.
public enum CSVReader {
    /// Parses `text`.
    ///
    /// Blank lines are skipped; a line holding only `""` is a record with one empty field.
    ///
    /// - Parameters:
    ///   - file: name used in problems.
    ///   - hasHeader: whether the first record names the columns.
    ///   - delimiter: field separator, `,` by default (`;` and tab also work).
    ///   - requireSameFieldCount: report records whose field count differs from the first
    ///     record's (the header's, when there is one).
    /// - Throws: `FileFormatError` `.invalidData` listing every malformed record (unterminated
    ///   quotes, text after a closing quote, a quote inside an unquoted field, ragged rows).
    public static func parse(
        _ text: String, file: String, hasHeader: Bool = true, delimiter: Unicode.Scalar = ",",
        requireSameFieldCount: Bool = true
    ) throws(FileFormatError) -> CSVTable {
        var scanner = CSVScanner(text: text, delimiter: delimiter)
        var records: [CSVRecord] = []
        var problems: [FileFormatError.Problem] = []
        var malformedLines: Set<Int> = []
        while let (fields, line, issues) = scanner.nextRecord() {
            problems += issues.map { FileFormatError.Problem(file: file, line: $0.line, message: $0.message) }
            if !issues.isEmpty { malformedLines.insert(line) }
            records.append(CSVRecord(fields: fields, line: line))
        }
        if requireSameFieldCount, let expected = records.first?.fields.count {
            let what = hasHeader ? "as in the header" : "as in the first record"
            for record in records.dropFirst() where record.fields.count != expected && !malformedLines.contains(record.line) {
                problems.append(.init(
                    file: file, line: record.line,
                    message: "record has \(record.fields.count) field\(record.fields.count == 1 ? "" : "s"), expected \(expected) \(what)"))
            }
        }
        guard problems.isEmpty else { throw FileFormatError(.invalidData, problems: problems) }
        guard hasHeader, let first = records.first else { return CSVTable(header: [], records: records) }
        return CSVTable(header: first.fields, records: Array(records.dropFirst()))
    }

    /// Reads and parses the file at `url`; `displayPath` names it in problems.
    ///
    /// - Parameter repairingInvalidUTF8: replace bytes that are not UTF-8 with U+FFFD instead
    ///   of rejecting the file (for tools that copy text through, like `chatbot sentiment`).
    public static func read(
        contentsOf url: URL, displayPath: String? = nil, hasHeader: Bool = true, delimiter: Unicode.Scalar = ",",
        requireSameFieldCount: Bool = true, repairingInvalidUTF8: Bool = false
    ) throws(FileFormatError) -> CSVTable {
        let shown = displayPath ?? url.path
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw FileFormatError(.io, file: shown, message: "cannot read the file")
        }
        let decoded = repairingInvalidUTF8 ? String(decoding: data, as: UTF8.self) : String(data: data, encoding: .utf8)
        guard let text = decoded else {
            throw FileFormatError(.invalidData, file: shown, message: "the file is not UTF-8 text")
        }
        return try parse(text, file: shown, hasHeader: hasHeader, delimiter: delimiter,
                         requireSameFieldCount: requireSameFieldCount)
    }
}
