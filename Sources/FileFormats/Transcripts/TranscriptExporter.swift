// Turns stored conversations back into transcripts, in the format training reads: imported ones
// get their transcript id and channel back, live ones their UUID. Every line written is checked
// with the reader's own validation, so `TranscriptReader` reads whatever this writes.
import ConversationStorage
import Foundation
import Primitives

/// Exports stored conversations as transcript JSON Lines.
public struct TranscriptExporter {
    /// What an export did.
    public struct Summary: Sendable, Equatable {
        /// Conversations written.
        public var conversations = 0
        /// Turns written.
        public var turns = 0
        /// Feedback items written.
        public var feedback = 0
        /// Conversations left out, and why (`<id>: reason`).
        public var skipped: [String] = []

        /// Creates an empty summary.
        public init() {}
    }

    /// The store read from.
    public let store: any ConversationStore
    /// Whether agent turns carry their feedback.
    public let includeFeedback: Bool

    /// An exporter reading `store`.
    public init(store: any ConversationStore, includeFeedback: Bool) {
        self.store = store
        self.includeFeedback = includeFeedback
    }

    /// Writes one line per conversation started at or after `since` (all when nil), oldest
    /// first, to `emit` (each line without its line break).
    public func export(since: Date?, to emit: (String) throws -> Void) throws -> Summary {
        try forEachTranscript(since: since) { try emit(TranscriptWriter.line($0)) }
    }

    /// The conversations started at or after `since` (all when nil) as transcripts, oldest first
    /// (the bot's readings of customer turns marked `predicted` unless a person confirmed or corrected them).
    public func transcripts(since: Date?) throws -> (transcripts: [Transcript], summary: Summary) {
        var transcripts: [Transcript] = []
        let summary = try forEachTranscript(since: since) { transcripts.append($0) }
        return (transcripts, summary)
    }

    /// Hands each conversation started at or after `since` to `body` as a transcript, oldest first.
    private func forEachTranscript(since: Date?, _ body: (Transcript) throws -> Void) throws -> Summary {
        var summary = Summary()
        let feedback = includeFeedback ? Dictionary(grouping: try store.feedback(since: since), by: \.messageID) : [:]
        for conversation in try store.conversations(since: since, limit: nil) {
            let messages = try store.messages(conversationID: conversation.id)
            switch Self.transcript(conversation, messages: messages, feedback: feedback) {
            case .success(let transcript):
                try body(transcript)
                summary.conversations += 1
                summary.turns += transcript.turns.count
                summary.feedback += transcript.turns.reduce(0) { $0 + $1.feedback.count }
            case .failure(let reason):
                summary.skipped.append("\(Self.transcriptID(conversation)): \(reason.message)")
            }
        }
        return summary
    }

    /// Exports into a string of JSON Lines.
    public func exportText(since: Date?) throws -> (String, Summary) {
        var text = ""
        let summary = try export(since: since) { text += $0 + "\n" }
        return (text, summary)
    }

    /// Why a conversation cannot be written as a transcript.
    public struct SkipReason: Error, Sendable, Equatable {
        /// The reason, for people.
        public var message: String
    }

    /// The transcript of one stored conversation, or why it has none.
    ///
    /// - Parameter feedback: feedback by message id (empty to leave feedback out).
    public static func transcript(_ conversation: Conversation, messages: [Message],
                                  feedback: [UUID: [Feedback]]) -> Result<Transcript, SkipReason> {
        let reference = TranscriptStoreMapping.transcriptReference(conversation.customerRef)
        var turns: [TranscriptTurn] = []
        var pendingCorrection: String?
        var readingTurn: Int?  // the customer turn whose intent is the bot's reading, until its reply
        for message in messages {
            let items = feedback[message.id] ?? []
            switch message.role {
            case .system:
                continue
            case .customer:
                var turn = TranscriptTurn(role: .customer, text: message.text, intent: message.intent,
                                          sentiment: message.sentimentLabel.flatMap(SentimentLabel.init(rawValue:)))
                // A live conversation's intents, and imported ones with a confidence, are the bot's readings.
                readingTurn = nil
                if message.intent != nil, reference == nil || message.confidence != nil {
                    turn.intentSource = .predicted
                    turn.confidence = message.confidence
                    readingTurn = turns.count
                }
                turns.append(turn)
                // A correction recorded on the customer message belongs on the reply to it.
                pendingCorrection = items.last { $0.kind == .correctedIntent }?.value
            case .bot, .agent:
                var converted = items.compactMap(turnFeedback)
                if let correction = pendingCorrection, !converted.contains(where: { if case .correctedIntent = $0 { true } else { false } }) {
                    converted.append(.correctedIntent(correction))
                }
                if let index = readingTurn { turns[index].intentSource = Self.source(judgedBy: converted) }
                pendingCorrection = nil
                readingTurn = nil
                turns.append(TranscriptTurn(role: .agent, text: message.text, feedback: converted))
            }
        }
        guard !turns.isEmpty else { return .failure(SkipReason(message: "no customer or agent messages")) }
        let transcript = Transcript(
            id: reference?.id ?? conversation.id.uuidString.lowercased(),
            channel: reference?.channel ?? TranscriptStoreMapping.channel(of: conversation),
            started: conversation.startedAt, turns: turns,
            location: SourceLocation(file: "export", line: 1),
            status: conversation.status == .closed ? nil : conversation.status)  // no status means closed
        // What the reader would say about the line: the writer's output must read back.
        let problems = TranscriptReader.parseJSONLines(TranscriptWriter.line(transcript), file: "export", knownIntents: nil).problems
        if let problem = problems.first { return .failure(SkipReason(message: problem.message)) }
        return .success(transcript)
    }

    /// How a reviewer's feedback on the reply judges the bot's reading of the customer turn:
    /// corrected, confirmed by a good rating (and no bad one), or still only predicted.
    static func source(judgedBy feedback: [TurnFeedback]) -> IntentSource {
        if feedback.contains(where: { if case .correctedIntent = $0 { true } else { false } }) { return .corrected }
        let ratings = feedback.compactMap { item -> Bool? in if case .rating(let good) = item { good } else { nil } }
        return ratings.last == true ? .confirmed : .predicted
    }

    /// A stored feedback row as transcript feedback, or nil when the format has no place for it.
    static func turnFeedback(_ item: Feedback) -> TurnFeedback? {
        switch item.kind {
        case .rating: TranscriptStoreMapping.isGoodRating(item.value).map { .rating(good: $0) }
        case .correctedIntent: .correctedIntent(item.value)
        case .betterReply: .betterReply(item.value)
        }
    }

    /// The id a conversation is exported under: its transcript id if imported, else its UUID in lower case.
    public static func transcriptID(_ conversation: Conversation) -> String {
        TranscriptStoreMapping.transcriptReference(conversation.customerRef)?.id ?? conversation.id.uuidString.lowercased()
    }

    /// Parses a `--since` value: a date (`2026-03-02`, midnight UTC) or an ISO 8601 date-time
    /// (`2026-03-02T09:14:00Z`, `2026-03-02T11:14:00+02:00`, fractions of a second allowed).
    public static func parseSince(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        if trimmed.count == 10 {
            formatter.formatOptions = [.withFullDate, .withDashSeparatorInDate]
            return formatter.date(from: trimmed)
        }
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: trimmed) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: trimmed)
    }
}
