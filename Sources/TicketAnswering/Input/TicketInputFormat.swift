// Which reader an input path needs: from its extension (`.csv`, `.jsonl`, `.eml`, `.mbox`, a
// folder of `.eml`) or from `--input-format`; e-mail answers "not supported yet" until the
// mail reader lands.
import Foundation

/// The formats `chatbot answer` reads.
public enum TicketInputFormat: String, CaseIterable, Sendable {
    case csv, jsonl, eml, mbox

    /// The format of `path` by its extension, `.eml` for a folder; nil when unknown.
    public init?(path: String) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            self = .eml
            return
        }
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "csv": self = .csv
        case "jsonl", "ndjson": self = .jsonl
        case "eml": self = .eml
        case "mbox", "mbx": self = .mbox
        default: return nil
        }
    }

    /// Opens `path` in this format.
    ///
    /// - Throws: `TicketAnsweringError` when it cannot be opened or the format is not supported yet.
    public func open(_ path: String, fields: TicketFields) throws -> any TicketSource {
        let url = URL(fileURLWithPath: path)
        switch self {
        case .csv: return try CSVTicketSource(contentsOf: url, displayPath: path, fields: fields)
        case .jsonl: return try JSONLinesTicketSource(contentsOf: url, displayPath: path, fields: fields)
        case .eml, .mbox:
            throw TicketAnsweringError("\(path): e-mail input (.eml, a folder of .eml, .mbox) is not supported yet; "
                                       + "export the tickets as CSV or JSON Lines")
        }
    }

    /// Opens `path` in `format`, or in the format of its extension.
    public static func open(_ path: String, format: TicketInputFormat?, fields: TicketFields) throws -> any TicketSource {
        guard let chosen = format ?? TicketInputFormat(path: path) else {
            throw TicketAnsweringError("\(path): unknown ticket file type (use .csv, .jsonl, .eml, .mbox or a folder, "
                                       + "or --input-format)")
        }
        return try chosen.open(path, fields: fields)
    }
}
