// What the HTTP API does, without HTTP: start a conversation, take a message through a pooled
// `DialogueEngine` resumed from the store, feedback through the engine's own feedback path, the
// transcript. Every turn reads the conversation's state from the store and writes it back, so
// one replica or several give the same replies.
import ConversationStorage
import Dialogue
import Foundation

/// The conversations of the web API.
public final class ConversationService: Sendable {
    /// A conversation just started: its id and the token that continues it (shown once).
    public struct Started: Sendable {
        /// The conversation's id.
        public var id: UUID
        /// The secret the customer's page sends with every request.
        public var token: String
    }

    /// What became of a customer message.
    public enum Outcome: Sendable {
        /// The bot answered (the turn as `chat --json` shows it).
        case turn(TurnResult)
        /// The conversation is with a person: the message was stored for them.
        case forAgent(Message)
    }

    /// Feedback on the latest turn: the chat's `/good`, `/bad`, `/intent NAME`, `/reply TEXT`.
    public enum FeedbackRequest: Sendable, Equatable {
        case good, bad
        case intent(String)
        case reply(String)
    }

    let store: any ConversationStore
    let metrics: ServerMetrics
    let pool: EnginePool
    private let locks = ConversationLocks()
    let now: @Sendable () -> Date

    /// A service over `engines` (one per worker thread, each with its own model and store
    /// connection) and `store` for everything outside a turn.
    public init(engines: [DialogueEngine], store: any ConversationStore, metrics: ServerMetrics,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.pool = EnginePool(engines: engines)
        self.store = store
        self.metrics = metrics
        self.now = now
    }

    /// Starts a conversation and returns its id and token.
    public func start() async throws -> Started {
        let token = ConversationToken.make()
        let store = store
        let time = now()
        let id = try await Blocking.run { () throws -> UUID in
            let conversation = Conversation(channel: .chat, startedAt: time)
            do {
                try store.startConversation(conversation)
                let session = ConversationSession(
                    conversationID: conversation.id, tokenHash: ConversationToken.hash(token),
                    stateJSON: SessionState.empty(conversation).encoded(), updatedAt: time)
                guard try store.saveSession(session) else { throw ServingError.unavailable("the conversation id was taken") }
            } catch let error as StorageError {
                throw ServingError.storage("start the conversation", error)
            }
            return conversation.id
        }
        metrics.countConversationStarted()
        return Started(id: id, token: token)
    }

    /// Reads one customer message and returns the bot's turn (stored, with the state, before
    /// this returns), or stores it for the agent when the conversation was handed off.
    public func send(_ text: String, to id: UUID, token: String) async throws -> Outcome {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ServingError.badRequest("the message text is empty") }
        return try await locks.withLock(id) {
            let (conversation, session) = try await self.authorised(id, token: token)
            switch conversation.status {
            case .open: return .turn(try await self.turn(trimmed, conversation: conversation, session: session))
            case .handedOff: return .forAgent(try await self.storeForAgent(trimmed, conversation: conversation))
            case .closed, .abandoned: throw ServingError.conflict("the conversation is closed; start a new one")
            }
        }
    }

    /// Records feedback on the conversation's latest turn through the dialogue engine.
    public func feedback(_ request: FeedbackRequest, on id: UUID, token: String) async throws -> Feedback {
        try await locks.withLock(id) {
            let (conversation, session) = try await self.authorised(id, token: token)
            let checkpoint = try SessionState.decoded(session.stateJSON).checkpoint(conversation, contextLimit: 0)
            let feedback = try await self.pool.withEngine { engine in
                engine.resume(checkpoint)
                do {
                    switch request {
                    case .good: return try engine.rateLastReply(good: true, author: "customer")
                    case .bad: return try engine.rateLastReply(good: false, author: "customer")
                    case .intent(let name): return try engine.correctLastIntent(name, author: "customer")
                    case .reply(let text): return try engine.suggestReply(text, author: "customer")
                    }
                } catch let error as DialogueError {
                    switch error {
                    case .invalidFeedback(let message): throw ServingError.badRequest(message)
                    case .storage(let message): throw ServingError.unavailable(message)
                    }
                }
            }
            self.metrics.countFeedback()
            return feedback
        }
    }

    /// The conversation (as stored now) and its messages in order.
    public func transcript(of id: UUID, token: String) async throws -> (Conversation, [Message]) {
        let (conversation, _) = try await authorised(id, token: token)
        let store = store
        return try await Blocking.run { () throws -> (Conversation, [Message]) in
            do { return (conversation, try store.messages(conversationID: id)) } catch {
                throw ServingError.storage("read the conversation", error)
            }
        }
    }

    /// The conversation and its session when `token` is its own; `conversationNotFound` otherwise.
    private func authorised(_ id: UUID, token: String) async throws -> (Conversation, ConversationSession) {
        let store = store
        return try await Blocking.run { () throws -> (Conversation, ConversationSession) in
            do {
                guard let session = try store.session(conversationID: id),
                      ConversationToken.matches(token, storedHash: session.tokenHash),
                      let conversation = try store.conversation(id: id)
                else { throw ServingError.conversationNotFound }
                return (conversation, session)
            } catch let error as StorageError {
                throw ServingError.storage("read the conversation", error)
            }
        }
    }
}
