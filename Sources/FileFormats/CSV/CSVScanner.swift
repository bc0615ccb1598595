// The state machine behind `CSVReader`: one RFC 4180 record per call over Unicode scalars,
// counting lines (also inside quoted fields) and collecting problems instead of stopping.

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
        skipBlankLines()
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

    /// Steps over empty lines (LF, CR or CRLF) before a record.
    private mutating func skipBlankLines() {
        while position < scalars.count, scalars[position] == "\n" || scalars[position] == "\r" {
            if scalars[position] == "\r", position + 1 < scalars.count, scalars[position + 1] == "\n" { position += 1 }
            position += 1
            line += 1
        }
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
