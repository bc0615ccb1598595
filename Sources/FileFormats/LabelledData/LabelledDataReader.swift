// Reads labelled messages from CSV (text and label columns found in the header) or JSON Lines
// (`{"text": …, "intent": …}`), each with the agent's reply when a `reply` column or key gives
// one, with every malformed row reported as file:line.
import Foundation

/// Reads labelled data files for training and evaluation.
public enum LabelledDataReader {
    /// Label column names tried in order when none is given.
    public static let defaultLabelColumns = ["intent", "category", "label"]
    /// The optional column or key holding the agent's reply to each text.
    public static let replyColumn = "reply"

    /// Reads `url` as JSON Lines if it ends in `.jsonl`, as CSV otherwise.
    ///
    /// - Parameters:
    ///   - textColumn: the text column or key (default `text`).
    ///   - labelColumn: the label column or key (default: the first of `intent`, `category`, `label`).
    public static func read(
        contentsOf url: URL, displayPath: String? = nil, textColumn: String? = nil, labelColumn: String? = nil
    ) throws -> [LabelledExample] {
        let shown = displayPath ?? url.path
        let text = try JSONLinesReader.text(of: url, shown: shown)
        if url.pathExtension.lowercased() == "jsonl" {
            return try parseJSONLines(text, file: shown, textKey: textColumn, labelKey: labelColumn)
        }
        return try parseCSV(text, file: shown, textColumn: textColumn, labelColumn: labelColumn)
    }

    /// Parses CSV text whose header names a text and a label column.
    public static func parseCSV(
        _ text: String, file: String, textColumn: String? = nil, labelColumn: String? = nil
    ) throws -> [LabelledExample] {
        let table = try CSVReader.parse(text, file: file)
        let headerLine = 1
        let header = table.header.joined(separator: ",")
        guard let textIndex = table.column(named: textColumn ?? "text") else {
            throw FileFormatError(.invalidData, file: file, line: headerLine,
                               message: "no text column \"\(textColumn ?? "text")\" in the header (\(header))")
        }
        let labelNames = labelColumn.map { [$0] } ?? defaultLabelColumns
        guard let labelIndex = labelNames.lazy.compactMap({ table.column(named: $0) }).first else {
            throw FileFormatError(.invalidData, file: file, line: headerLine,
                               message: "no label column (\(labelNames.joined(separator: ", "))) in the header (\(header))")
        }
        let replyIndex = table.column(named: replyColumn)
        var examples: [LabelledExample] = []
        var problems: [FileFormatError.Problem] = []
        for record in table.records {
            let text = record[textIndex] ?? ""
            let label = (record[labelIndex] ?? "").trimmingCharacters(in: .whitespaces)
            if let message = rowProblem(text: text, label: label) {
                problems.append(.init(file: file, line: record.line, message: message))
                continue
            }
            examples.append(LabelledExample(text: text, label: label, location: SourceLocation(file: file, line: record.line),
                                            reply: reply(replyIndex.flatMap { record[$0] })))
        }
        guard problems.isEmpty else { throw FileFormatError(.invalidData, problems: problems) }
        return examples
    }

    /// Parses JSON Lines of objects with a string text key and a string label key.
    public static func parseJSONLines(
        _ text: String, file: String, textKey: String? = nil, labelKey: String? = nil
    ) throws -> [LabelledExample] {
        var (lines, problems) = JSONLinesReader.objects(in: text, file: file, allowBlankLines: true)
        let textKey = textKey ?? "text"
        let labelKeys = labelKey.map { [$0] } ?? defaultLabelColumns
        var examples: [LabelledExample] = []
        for line in lines {
            guard let text = line.object[textKey] as? String else {
                problems.append(.init(file: file, line: line.line, message: "missing string key \"\(textKey)\""))
                continue
            }
            guard let key = labelKeys.first(where: { line.object[$0] != nil }), let label = line.object[key] as? String else {
                problems.append(.init(file: file, line: line.line,
                                      message: "missing string label key (\(labelKeys.joined(separator: ", ")))"))
                continue
            }
            let trimmed = label.trimmingCharacters(in: .whitespaces)
            if let message = rowProblem(text: text, label: trimmed) {
                problems.append(.init(file: file, line: line.line, message: message))
                continue
            }
            let replyValue = line.object[replyColumn]
            guard replyValue == nil || replyValue is NSNull || replyValue is String else {
                problems.append(.init(file: file, line: line.line, message: "\"\(replyColumn)\" is not a string"))
                continue
            }
            examples.append(LabelledExample(text: text, label: trimmed, location: SourceLocation(file: file, line: line.line),
                                            reply: reply(replyValue as? String)))
        }
        guard problems.isEmpty else { throw FileFormatError(.invalidData, problems: problems) }
        return examples
    }

    /// A reply cell as the example's reply: trimmed, `{{Name}}` placeholders as `{name}`; nil when blank.
    private static func reply(_ cell: String?) -> String? {
        guard let trimmed = cell?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return ResponseTemplate.singleBraced(trimmed)
    }

    private static func rowProblem(text: String, label: String) -> String? {
        if text.allSatisfy(\.isWhitespace) { return "empty text" }
        if label.isEmpty { return "empty label" }
        return nil
    }
}
