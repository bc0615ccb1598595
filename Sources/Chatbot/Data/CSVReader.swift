// A small, careful RFC 4180 CSV reader: quoted fields with embedded delimiters, doubled quotes
// and line breaks, CRLF or LF, an optional UTF-8 BOM; each record keeps the line it starts on.
import Foundation

/// One CSV record: its fields and the 1-based line on which it starts.
public struct CSVRecord: Hashable, Sendable {
    /// Field values, quotes removed and doubled quotes undone.
    public var fields: [String]
    /// Line of the file on which the record starts.
    public var line: Int

    /// Creates a record.
    public init(fields: [String], line: Int) {
        self.fields = fields
        self.line = line
    }

    /// The field at `column`, or nil if the record is shorter.
    public subscript(column: Int) -> String? {
        fields.indices.contains(column) ? fields[column] : nil
    }
}

/// A parsed CSV file: a header row (if the file has one) and the records after it.
public struct CSVTable: Hashable, Sendable {
    /// Column names from the first record (empty if read without a header).
    public var header: [String]
    /// The data records.
    public var records: [CSVRecord]

    /// Creates a table.
    public init(header: [String], records: [CSVRecord]) {
        self.header = header
        self.records = records
    }

    /// The index of the first column whose name equals `name`, ignoring case and surrounding spaces.
    public func column(named name: String) -> Int? {
        let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
        return header.firstIndex { $0.trimmingCharacters(in: .whitespaces).lowercased() == wanted }
    }
}

/// Reads CSV text (RFC 4180) into records, reporting malformed input with file and line.
public enum CSVReader {
    /// Parses `text`.
    ///
    /// - Parameters:
    ///   - file: name used in problems.
    ///   - hasHeader: whether the first record names the columns.
    ///   - delimiter: field separator, `,` by default (`;` and tab also work).
    ///   - requireSameFieldCount: report records whose field count differs from the first record's.
    /// - Throws: `ChatbotError` `.invalidData` listing every malformed record (unterminated
    ///   quotes, text after a closing quote, a quote inside an unquoted field, ragged rows).
    public static func parse(
        _ text: String, file: String, hasHeader: Bool = true, delimiter: Unicode.Scalar = ",",
        requireSameFieldCount: Bool = true
    ) throws -> CSVTable {
        var scanner = CSVScanner(text: text, delimiter: delimiter)
        var records: [CSVRecord] = []
        var problems: [ChatbotError.Problem] = []
        var malformedLines: Set<Int> = []
        while let (fields, line, issues) = scanner.nextRecord() {
            problems += issues.map { ChatbotError.Problem(file: file, line: $0.line, message: $0.message) }
            if !issues.isEmpty { malformedLines.insert(line) }
            if fields.count == 1 && fields[0].isEmpty { continue }  // blank line
            records.append(CSVRecord(fields: fields, line: line))
        }
        if requireSameFieldCount, let expected = records.first?.fields.count {
            for record in records.dropFirst() where record.fields.count != expected && !malformedLines.contains(record.line) {
                problems.append(.init(
                    file: file, line: record.line,
                    message: "record has \(record.fields.count) fields, expected \(expected)"))
            }
        }
        guard problems.isEmpty else { throw ChatbotError(.invalidData, problems: problems) }
        guard hasHeader, let first = records.first else { return CSVTable(header: [], records: records) }
        return CSVTable(header: first.fields, records: Array(records.dropFirst()))
    }

    /// Reads and parses the file at `url` (UTF-8); `displayPath` names it in problems.
    public static func read(
        contentsOf url: URL, displayPath: String? = nil, hasHeader: Bool = true, delimiter: Unicode.Scalar = ","
    ) throws -> CSVTable {
        let shown = displayPath ?? url.path
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ChatbotError(.io, file: shown, message: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ChatbotError(.invalidData, file: shown, message: "the file is not UTF-8 text")
        }
        return try parse(text, file: shown, hasHeader: hasHeader, delimiter: delimiter)
    }
}

/// The state machine behind `CSVReader`, one record per call, over Unicode scalars.
struct CSVScanner {
    private let scalars: [Unicode.Scalar]
    private let delimiter: Unicode.Scalar
    private var position = 0
    private var line = 1

    init(text: String, delimiter: Unicode.Scalar) {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        self.scalars = scalars
        self.delimiter = delimiter
    }

    /// The next record's fields, its first line and any problems in it; nil at the end.
    mutating func nextRecord() -> ([String], Int, [(line: Int, message: String)])? {
        guard position < scalars.count else { return nil }
        let startLine = line
        var fields: [String] = []
        var issues: [(line: Int, message: String)] = []
        while true {
            let (field, ended) = nextField(recordLine: startLine, issues: &issues)
            fields.append(field)
            if ended { return (fields, startLine, issues) }
        }
    }

    /// Reads one field; `ended` is true when it closed the record (line break or end of text).
    private mutating func nextField(recordLine: Int, issues: inout [(line: Int, message: String)]) -> (String, Bool) {
        var field = String.UnicodeScalarView()
        if position < scalars.count, scalars[position] == "\"" {
            position += 1
            var closed = false
            while position < scalars.count {
                let scalar = scalars[position]
                if scalar == "\"" {
                    if position + 1 < scalars.count, scalars[position + 1] == "\"" {
                        field.append("\"")
                        position += 2
                        continue
                    }
                    position += 1
                    closed = true
                    break
                }
                if scalar == "\n" { line += 1 }
                if scalar == "\r" {
                    if position + 1 < scalars.count, scalars[position + 1] == "\n" { position += 1 }
                    line += 1
                    field.append("\n")
                    position += 1
                    continue
                }
                field.append(scalar)
                position += 1
            }
            if !closed {
                issues.append((recordLine, "quoted field is never closed (missing \")"))
                return (String(field), true)
            }
            if let ended = endOfField() { return (String(field), ended) }
            issues.append((line, "unexpected text after a closing quote (quotes inside a field must be doubled)"))
        }
        while position < scalars.count {
            if let ended = endOfField() { return (String(field), ended) }
            let scalar = scalars[position]
            if scalar == "\"" {
                issues.append((line, "quote inside an unquoted field (quote the field and double the quote)"))
            }
            field.append(scalar)
            position += 1
        }
        return (String(field), true)
    }

    /// At a delimiter (false) or line break / end (true), consumes it; nil otherwise.
    private mutating func endOfField() -> Bool? {
        guard position < scalars.count else { return true }
        let scalar = scalars[position]
        if scalar == delimiter {
            position += 1
            return false
        }
        if scalar == "\n" || scalar == "\r" {
            position += 1
            if scalar == "\r", position < scalars.count, scalars[position] == "\n" { position += 1 }
            line += 1
            return true
        }
        return nil
    }
}
