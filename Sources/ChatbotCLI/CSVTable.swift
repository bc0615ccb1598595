// RFC 4180 CSV for `chatbot sentiment --file`: quoted fields with embedded commas, newlines and
// doubled quotes, CRLF or LF, a UTF-8 BOM; malformed input fails with file:line.

/// A CSV file: a header row and data rows of the same width.
package struct CSVTable: Equatable, Sendable {
    /// The column names.
    package var header: [String]
    /// The data rows, each as wide as `header`.
    package var rows: [[String]]

    /// A table from a header and rows.
    package init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// Parses CSV bytes (invalid UTF-8 becomes U+FFFD); `file` names the input in errors.
    package init(bytes: [UInt8], file: String) throws(CSVError) {
        var records = try Self.records(bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes, file: file)
        guard let first = records.first else { throw CSVError(file: file, line: 1, reason: "no header row") }
        records.removeFirst()
        header = first.fields
        for record in records where record.fields.count != header.count {
            throw CSVError(file: file, line: record.line,
                           reason: "expected \(header.count) fields as in the header, found \(record.fields.count)")
        }
        rows = records.map(\.fields)
    }

    /// Parses CSV text.
    package init(text: String, file: String) throws(CSVError) {
        try self.init(bytes: Array(text.utf8), file: file)
    }

    /// The index of column `name`, or an error naming the columns there are.
    package func column(named name: String, file: String) throws(CSVError) -> Int {
        guard let index = header.firstIndex(of: name) else {
            throw CSVError(file: file, line: 1, reason: "no column \"\(name)\" (columns: \(header.joined(separator: ", ")))")
        }
        return index
    }

    /// The table as CSV text with LF line ends, quoting only fields that need it.
    package func serialized() -> String {
        var output = ""
        for row in [header] + rows {
            output += row.map(Self.quoted).joined(separator: ",")
            output += "\n"
        }
        return output
    }

    private static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
                || field.hasPrefix(" ") || field.hasSuffix(" ") else { return field }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }

    private struct Record {
        var fields: [String]
        var line: Int
    }

    /// Splits bytes into records; a blank line between records is skipped.
    private static func records(_ bytes: [UInt8], file: String) throws(CSVError) -> [Record] {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1, recordLine = 1, quoteLine = 1
        var inQuotes = false, wasQuoted = false
        var index = 0
        func endRecord() {
            fields.append(String(decoding: field, as: UTF8.self))
            if !(fields.count == 1 && fields[0].isEmpty && !wasQuoted) {
                records.append(Record(fields: fields, line: recordLine))
            }
            fields = []
            field = []
            wasQuoted = false
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte == quote {
                    if index < bytes.count, bytes[index] == quote {
                        field.append(quote)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == lf { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case quote:
                guard field.isEmpty, !wasQuoted else {
                    throw CSVError(file: file, line: line, reason: "quote inside an unquoted field (quote the whole field and double inner quotes)")
                }
                inQuotes = true
                wasQuoted = true
                quoteLine = line
            case comma:
                fields.append(String(decoding: field, as: UTF8.self))
                field = []
                wasQuoted = false
            case cr where index < bytes.count && bytes[index] == lf:
                break
            case lf, cr:
                endRecord()
                line += 1
                recordLine = line
            default:
                guard !wasQuoted else {
                    throw CSVError(file: file, line: line, reason: "text after a closing quote")
                }
                field.append(byte)
            }
        }
        if inQuotes { throw CSVError(file: file, line: quoteLine, reason: "quoted field never closed") }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { endRecord() }
        return records
    }
}
