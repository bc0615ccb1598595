// A parsed CSV file as `CSVReader` returns it and `CSVWriter` writes it: a header and records
// that remember the line they start on, with column look-up by name.
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

    /// A table of `rows` numbered as if read from a file with the header on line 1 and no
    /// line breaks inside fields.
    public init(header: [String], rows: [[String]]) {
        self.init(header: header, records: rows.enumerated().map { CSVRecord(fields: $1, line: $0 + 2) })
    }

    /// The fields of every record.
    public var rows: [[String]] { records.map(\.fields) }

    /// The index of the first column whose name equals `name`, ignoring case and surrounding spaces.
    public func column(named name: String) -> Int? {
        let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
        return header.firstIndex { $0.trimmingCharacters(in: .whitespaces).lowercased() == wanted }
    }

    /// The index of column `name` (as `column(named:)`), or an error at `file:1` saying that the
    /// file has no header or naming the columns it has.
    public func requiredColumn(named name: String, file: String) throws(FileFormatError) -> Int {
        guard !header.isEmpty else { throw FileFormatError(.invalidData, file: file, line: 1, message: "no header row") }
        guard let index = column(named: name) else {
            throw FileFormatError(.invalidData, file: file, line: 1,
                               message: "no column \"\(name)\" (columns: \(header.joined(separator: ", ")))")
        }
        return index
    }
}
