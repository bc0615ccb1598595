// The state machine behind `CSVReader` and `CSVRecordStream`: one RFC 4180 record per call over
// Unicode scalars, counting lines (also inside quoted fields) and collecting problems instead of
// stopping. The scalars come from one text or, for large files, chunk by chunk.

/// The state machine behind `CSVReader`, one record per call, over Unicode scalars.
struct CSVScanner {
    private var scalars: [Unicode.Scalar]
    private let delimiter: Unicode.Scalar
    private var position = 0
    private var line = 1
    /// More scalars of the text, or nil at its end (nil when the whole text was given).
    private var refill: (() -> [Unicode.Scalar]?)?

    init(text: String, delimiter: Unicode.Scalar) {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        self.scalars = scalars
        self.delimiter = delimiter
    }

    /// A scanner pulling its text from `refill` (which strips any byte-order mark itself).
    init(delimiter: Unicode.Scalar, refill: @escaping () -> [Unicode.Scalar]?) {
        scalars = []
        self.delimiter = delimiter
        self.refill = refill
    }

    /// The scalar `ahead` places after the current one, loading more text as needed; nil at the end.
    private mutating func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        while position + ahead >= scalars.count {
            guard let more = refill?() else {
                refill = nil
                return nil
            }
            scalars.removeFirst(position)
            position = 0
            scalars += more
        }
        return scalars[position + ahead]
    }

    /// The next record's fields, its first line and any problems in it; nil at the end.
    mutating func nextRecord() -> ([String], Int, [(line: Int, message: String)])? {
        skipBlankLines()
        guard peek() != nil else { return nil }
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
        if peek() == "\"" {
            position += 1
            var closed = false
            while let scalar = peek() {
                if scalar == "\"" {
                    if peek(1) == "\"" {
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
                    if peek(1) == "\n" { position += 1 }
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
        while let scalar = peek() {
            if let ended = endOfField() { return (String(field), ended) }
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
        while let scalar = peek(), scalar == "\n" || scalar == "\r" {
            if scalar == "\r", peek(1) == "\n" { position += 1 }
            position += 1
            line += 1
        }
    }

    /// At a delimiter (false) or line break / end (true), consumes it; nil otherwise.
    private mutating func endOfField() -> Bool? {
        guard let scalar = peek() else { return true }
        if scalar == delimiter {
            position += 1
            return false
        }
        if scalar == "\n" || scalar == "\r" {
            position += 1
            if scalar == "\r", peek() == "\n" { position += 1 }
            line += 1
            return true
        }
        return nil
    }
}
