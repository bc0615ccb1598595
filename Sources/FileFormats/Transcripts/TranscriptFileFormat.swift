// The three transcript file formats and the settings that read them: JSON Lines (the format
// the project writes), plain-text chat logs and CSV exports of other tools (docs/FORMATS.md).
import Foundation

/// A transcript file format.
public enum TranscriptFileFormat: String, CaseIterable, Hashable, Sendable {
    /// One JSON object per conversation (`.jsonl`, docs/FORMATS.md "Transcripts").
    case jsonl
    /// `Customer: …` / `Agent: …` lines, a blank line between conversations (`.txt`).
    case text
    /// One row per turn: conversation id, role, text, optional time and intent (`.csv`).
    case csv

    /// The format a file name's extension stands for (`.jsonl`, `.txt`, `.csv`, any case), or nil.
    public init?(fileName: String) {
        switch (fileName as NSString).pathExtension.lowercased() {
        case "jsonl": self = .jsonl
        case "txt": self = .text
        case "csv": self = .csv
        default: return nil
        }
    }
}

/// The column names of a CSV transcript export.
public struct TranscriptCSVColumns: Hashable, Sendable {
    /// The conversation id column (default `conversation_id`); rows with one id form one conversation.
    public var conversationID: String
    /// The speaker column (default `role`), holding a customer or agent label.
    public var role: String
    /// The message column (default `text`).
    public var text: String
    /// The time column (default `time`), optional in the file: ISO 8601, used to order the turns.
    public var time: String
    /// The intent column (default `intent`), optional in the file: a customer turn's label, may be empty.
    public var intent: String

    /// Column names; each defaults to the documented name.
    public init(conversationID: String = "conversation_id", role: String = "role", text: String = "text",
                time: String = "time", intent: String = "intent") {
        self.conversationID = conversationID
        self.role = role
        self.text = text
        self.time = time
        self.intent = intent
    }
}

/// How transcript files are read: the format (else by extension), speaker labels and CSV columns.
public struct TranscriptReadOptions: Hashable, Sendable {
    /// The format of every file read, overriding the extension; nil: by extension.
    public var format: TranscriptFileFormat?
    /// Names that mark a customer's line in text logs (`Customer:`) or role in CSV, matched ignoring case.
    public var customerLabels: [String]
    /// Names that mark an agent's (bot's or person's) line or role, matched ignoring case.
    public var agentLabels: [String]
    /// The CSV column names.
    public var columns: TranscriptCSVColumns
    /// If given, intents and corrected intents must be among them.
    public var knownIntents: Set<String>?

    /// The defaults: format by extension, `Customer` for customers, `Agent` or `Bot` for agents.
    public init(format: TranscriptFileFormat? = nil, customerLabels: [String] = ["Customer"],
                agentLabels: [String] = ["Agent", "Bot"], columns: TranscriptCSVColumns = TranscriptCSVColumns(),
                knownIntents: Set<String>? = nil) {
        self.format = format
        self.customerLabels = customerLabels
        self.agentLabels = agentLabels
        self.columns = columns
        self.knownIntents = knownIntents
    }

    /// The format of the file named `fileName`: the override, else its extension's, else nil.
    public func format(ofFile fileName: String) -> TranscriptFileFormat? {
        format ?? TranscriptFileFormat(fileName: fileName)
    }

    /// The role a speaker label stands for, or nil when it is neither a customer's nor an agent's.
    func role(ofLabel label: some StringProtocol) -> TranscriptTurn.Role? {
        let wanted = label.trimmingCharacters(in: .whitespaces).lowercased()
        if customerLabels.contains(where: { $0.lowercased() == wanted }) { return .customer }
        if agentLabels.contains(where: { $0.lowercased() == wanted }) { return .agent }
        return nil
    }

    /// The labels for messages: `Customer, Agent or Bot`.
    var labelList: String {
        let all = customerLabels + agentLabels
        guard all.count > 1 else { return all.first ?? "" }
        return all.dropLast().joined(separator: ", ") + " or " + (all.last ?? "")
    }
}
