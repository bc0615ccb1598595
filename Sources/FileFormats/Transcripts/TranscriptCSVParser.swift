// Reads CSV exports of other chat tools: one row per turn with a conversation id, a speaker
// role and the text, optionally a time (which orders the turns and dates the conversation)
// and an intent label. Rows of one conversation need not be next to each other.
import Foundation

/// Parses CSV transcripts (docs/FORMATS.md "CSV transcripts").
enum TranscriptCSVParser {
    /// One row, checked.
    private struct Row {
        var turn: TranscriptTurn
        var time: Date?
        var line: Int
    }

    /// The conversations of the CSV `text` from the file named `file`; conversations without
    /// a time column start at `started`.
    static func parse(_ text: String, file: String, options: TranscriptReadOptions, started: Date) -> TranscriptFileParse {
        var result = TranscriptFileParse()
        let table: CSVTable
        let columns: (id: Int, role: Int, text: Int, time: Int?, intent: Int?)
        do throws(FileFormatError) {
            table = try CSVReader.parse(text, file: file)
            columns = (try table.requiredColumn(named: options.columns.conversationID, file: file),
                       try table.requiredColumn(named: options.columns.role, file: file),
                       try table.requiredColumn(named: options.columns.text, file: file),
                       table.column(named: options.columns.time), table.column(named: options.columns.intent))
        } catch {
            result.problems = error.problems
            result.skipped = 1
            return result
        }
        var order: [String] = []
        var rows: [String: [Row]] = [:]
        var bad: Set<String> = []
        var rowsWithoutID = 0
        for record in table.records {
            let id = (record[columns.id] ?? "").trimmingCharacters(in: .whitespaces)
            guard !id.isEmpty else {
                result.problems.append(.init(file: file, line: record.line, message: "empty conversation id"))
                rowsWithoutID += 1
                continue
            }
            if rows[id] == nil { order.append(id) }
            var problems: [String] = []
            let row = self.row(record, columns: columns, options: options, problems: &problems)
            result.problems += problems.map { .init(file: file, line: record.line, message: $0) }
            rows[id, default: []] += row.map { [$0] } ?? []
            if row == nil { bad.insert(id) }
        }
        result.skipped = bad.count + rowsWithoutID
        for id in order where !bad.contains(id) {
            let turns = (rows[id] ?? []).enumerated().sorted { a, b in
                // Turns in time order; rows without a time, and ties, keep the file's order.
                if let ta = a.element.time, let tb = b.element.time, ta != tb { return ta < tb }
                return a.offset < b.offset
            }.map(\.element)
            guard let first = turns.first else { continue }
            let start = turns.compactMap(\.time).min() ?? started
            result.transcripts.append(Transcript(id: id, channel: .chat, started: start, turns: turns.map(\.turn),
                                                 location: SourceLocation(file: file, line: first.line)))
        }
        return result
    }

    /// The turn of one record, or nil with the reasons added to `problems`.
    private static func row(_ record: CSVRecord, columns: (id: Int, role: Int, text: Int, time: Int?, intent: Int?),
                            options: TranscriptReadOptions, problems: inout [String]) -> Row? {
        let label = record[columns.role] ?? ""
        let role = options.role(ofLabel: label)
        if role == nil { problems.append("role \"\(label)\" is not \(options.labelList) (see --customer-label and --agent-label)") }
        let text = record[columns.text] ?? ""
        if text.allSatisfy(\.isWhitespace) {
            problems.append("empty text")
        } else if let problem = TranscriptObjectDecoder.placeholderProblem(in: text) {
            problems.append(problem)
        }
        var time: Date?
        if let column = columns.time, let value = record[column], !value.allSatisfy(\.isWhitespace) {
            time = parseTime(value)
            if time == nil { problems.append("time \"\(value)\" is not an ISO 8601 time like 2026-03-02T09:14:00Z") }
        }
        var intent: String?
        if let column = columns.intent, let value = record[column]?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
            if role == .agent {
                problems.append("an intent goes on a customer's row")
            } else if let known = options.knownIntents, !known.contains(value) {
                problems.append("unknown intent \"\(value)\"")
            }
            intent = value
        }
        guard let role, problems.isEmpty else { return nil }
        return Row(turn: TranscriptTurn(role: role, text: text, intent: intent), time: time, line: record.line)
    }

    /// An ISO 8601 time as `--since` reads it, also with a space for the `T` and without a zone (UTC).
    static func parseTime(_ value: String) -> Date? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let date = TranscriptExporter.parseSince(trimmed) { return date }
        var spelled = trimmed.replacingOccurrences(of: " ", with: "T")
        if !spelled.hasSuffix("Z"), !spelled.dropFirst(19).contains(where: { $0 == "+" || $0 == "-" }) { spelled += "Z" }
        return TranscriptExporter.parseSince(spelled)
    }
}
