// One turn of a served conversation as the store takes it: the messages, a hand-off if the turn
// made one, and the session's next state, written together so a replica never leaves half a turn.
import Foundation

/// A served turn, stored all or nothing by `ConversationStore.saveTurn`.
public struct SessionTurn: Sendable, Equatable {
    /// The messages of the turn in order (the customer's, then the reply), all of the session's conversation.
    public var messages: [Message]
    /// The conversation's new status when the turn ends it (a hand-off), else nil.
    public var endingStatus: ConversationStatus?
    /// When the turn happened (the conversation's end time when it ends it).
    public var time: Date
    /// The session after the turn; its revision is the compare-and-set, as in `saveSession`.
    public var session: ConversationSession

    /// A turn.
    public init(messages: [Message], endingStatus: ConversationStatus? = nil, time: Date, session: ConversationSession) {
        self.messages = messages
        self.endingStatus = endingStatus
        self.time = time
        self.session = session
    }
}
