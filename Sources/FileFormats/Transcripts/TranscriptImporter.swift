// Stores transcript files (any format) as conversations (channel `import`) with their turns,
// intents, sentiment and feedback. Ids derive from the transcript id, so a second import of the
// same file stores nothing new; a malformed conversation is reported with file:line and none of
// it is stored.
import ConversationStorage
import Foundation
import Primitives

/// Imports transcripts into a conversation store.
public struct TranscriptImporter {
    /// What an import did.
    public struct Summary: Sendable, Equatable {
        /// Conversations imported, new or already stored.
        public var conversations = 0
        /// Of those, the ones already stored (a re-import; any missing turns were added).
        public var alreadyStored = 0
        /// Turns in the imported conversations.
        public var turns = 0
        /// Feedback items in the imported conversations.
        public var feedback = 0
        /// Conversations skipped because they are malformed or cannot be stored (JSON Lines: lines).
        public var skipped = 0
        /// Why each skipped conversation was skipped, as `file:line: message`.
        public var problems: [FileFormatError.Problem] = []

        /// Creates an empty summary.
        public init() {}

        /// Adds another file's counts.
        public mutating func add(_ other: Summary) {
            conversations += other.conversations
            alreadyStored += other.alreadyStored
            turns += other.turns
            feedback += other.feedback
            skipped += other.skipped
            problems += other.problems
        }
    }

    /// The store written to.
    public let store: any ConversationStore
    /// The store's policy, used to check every text before the first write of a conversation.
    public let policy: StoragePolicy
    /// If given, intents and corrected intents must be among them.
    public let knownIntents: Set<String>?

    /// An importer into `store`, which cleans text with `policy` (pass the policy it was opened with).
    public init(store: any ConversationStore, policy: StoragePolicy = .standard, knownIntents: Set<String>? = nil) {
        self.store = store
        self.policy = policy
        self.knownIntents = knownIntents
    }

    /// Imports the transcript file at `url` in the format `options` gives it (by extension
    /// unless overridden); `shown` names it in problems.
    ///
    /// - Throws: `FileFormatError` when the file cannot be read, is not UTF-8 or has no known
    ///   format, and `StorageError` when the store fails (what was written before stays, and a
    ///   re-run completes it without duplicates).
    public func importFile(at url: URL, shown: String? = nil, options: TranscriptReadOptions = TranscriptReadOptions()) throws -> Summary {
        var options = options
        options.knownIntents = knownIntents
        return try importParsed(try TranscriptReader.parseFile(at: url, shown: shown ?? url.path, options: options))
    }

    /// Imports the JSON Lines `text` of a file named `file`.
    public func importText(_ text: String, file: String) throws(StorageError) -> Summary {
        try importParsed(TranscriptReader.parseJSONLines(text, file: file, knownIntents: knownIntents))
    }

    /// Stores the conversations of one read file; those with problems were left out by the reader
    /// and are counted as skipped, as are duplicates and texts the store's policy would reject.
    public func importParsed(_ parsed: TranscriptFileParse) throws(StorageError) -> Summary {
        var summary = Summary()
        summary.problems = parsed.problems
        summary.skipped = parsed.skipped
        var seen: [String: Int] = [:]
        for transcript in parsed.transcripts {
            let (file, line) = (transcript.location.file, transcript.location.line)
            if let first = seen[transcript.id] {
                summary.problems.append(.init(file: file, line: line, message: "duplicate conversation id \"\(transcript.id)\" (also on line \(first))"))
                summary.skipped += 1
                continue
            }
            seen[transcript.id] = line
            do throws(StorageError) {
                try check(transcript)
            } catch {
                summary.problems.append(.init(file: file, line: line, message: error.message))
                summary.skipped += 1
                continue
            }
            let existed = try store.conversation(id: TranscriptStoreMapping.conversationID(transcript: transcript.id)) != nil
            try write(transcript)
            summary.conversations += 1
            if existed { summary.alreadyStored += 1 }
            summary.turns += transcript.turns.count
            summary.feedback += transcript.turns.reduce(0) { $0 + $1.feedback.count }
        }
        summary.problems.sort { ($0.line ?? 0) < ($1.line ?? 0) }
        return summary
    }

    /// The records one transcript becomes, in write order.
    public static func records(for transcript: Transcript) -> (Conversation, [(Message, [Feedback])]) {
        let conversationID = TranscriptStoreMapping.conversationID(transcript: transcript.id)
        let lastTime = TranscriptStoreMapping.turnTime(started: transcript.started, turn: max(0, transcript.turns.count - 1))
        let status = transcript.status ?? .closed
        let conversation = Conversation(
            id: conversationID, channel: .import, startedAt: transcript.started, endedAt: status == .open ? nil : lastTime,
            customerRef: TranscriptStoreMapping.customerReference(transcript), status: status)
        var messages: [(Message, [Feedback])] = []
        for (index, turn) in transcript.turns.enumerated() {
            let time = TranscriptStoreMapping.turnTime(started: transcript.started, turn: index)
            let messageID = TranscriptStoreMapping.messageID(transcript: transcript.id, turn: index)
            let message = Message(
                id: messageID, conversationID: conversationID, role: turn.role == .customer ? .customer : .agent,
                text: turn.text, intent: turn.intent, confidence: turn.confidence, sentimentLabel: turn.sentiment?.rawValue,
                createdAt: time)  // reply source unknown: a transcript's agent may be the bot or a person
            let feedback = turn.feedback.enumerated().map { item, value in
                let (kind, text): (FeedbackKind, String) = switch value {
                case .rating(let good): (.rating, TranscriptStoreMapping.ratingValue(good: good))
                case .correctedIntent(let name): (.correctedIntent, name)
                case .betterReply(let reply): (.betterReply, reply)
                }
                return Feedback(id: TranscriptStoreMapping.feedbackID(transcript: transcript.id, turn: index, item: item),
                                messageID: messageID, kind: kind, value: text, author: "import",
                                createdAt: TranscriptStoreMapping.feedbackTime(turnTime: time, item: item))
            }
            messages.append((message, feedback))
        }
        return (conversation, messages)
    }

    /// Fails (before anything is written) if the store's policy would reject a text or change
    /// the transcript id.
    private func check(_ transcript: Transcript) throws(StorageError) {
        let (conversation, messages) = Self.records(for: transcript)
        guard try policy.cleaned(conversation).customerRef == conversation.customerRef else {
            throw .invalidValue("conversation id \"\(transcript.id)\" looks like personal data and would be redacted")
        }
        for (index, (message, feedback)) in messages.enumerated() {
            do throws(StorageError) {
                _ = try policy.cleaned(message)
                for item in feedback { _ = try policy.cleaned(item) }
            } catch {
                throw .invalidValue("turn \(index + 1): \(error.message)")
            }
        }
    }

    private func write(_ transcript: Transcript) throws(StorageError) {
        let (conversation, messages) = Self.records(for: transcript)
        try store.startConversation(conversation)
        for (message, feedback) in messages {
            try store.appendMessage(message)
            for item in feedback { try store.recordFeedback(item) }
        }
    }
}
