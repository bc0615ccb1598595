// Where the engine's conversation stands between turns, taken out and put back: a server keeps
// one engine per worker and many conversations in the store, resuming each before its turn.
import ConversationStorage
import Foundation

/// One conversation's place between turns: the stored conversation, the dialogue memory and the
/// messages feedback refers to (the last customer message and the last reply).
public struct DialogueCheckpoint: Sendable, Equatable {
    /// The stored conversation.
    public var conversation: Conversation
    /// The memory the policy reads (slots, pending intent, misses, mood, recent turns).
    public var state: DialogueState
    /// The last customer message (corrected intents refer to it).
    public var lastCustomerMessageID: UUID?
    /// The last bot reply (ratings and better replies refer to it).
    public var lastBotMessageID: UUID?

    /// A checkpoint.
    public init(conversation: Conversation, state: DialogueState, lastCustomerMessageID: UUID? = nil,
                lastBotMessageID: UUID? = nil) {
        self.conversation = conversation
        self.state = state
        self.lastCustomerMessageID = lastCustomerMessageID
        self.lastBotMessageID = lastBotMessageID
    }
}

extension DialogueEngine {
    /// The current conversation's checkpoint, or nil before its first message.
    public var checkpoint: DialogueCheckpoint? {
        lock.withLock { checkpointLocked }
    }

    /// The checkpoint; the caller holds the lock.
    var checkpointLocked: DialogueCheckpoint? {
        conversation.map {
            DialogueCheckpoint(conversation: $0, state: current, lastCustomerMessageID: lastCustomerMessageID,
                               lastBotMessageID: lastBotMessageID)
        }
    }

    /// Continues the conversation of `checkpoint` (already stored) in place of the current one,
    /// which is left as it is in the store; the next `respond` and feedback call apply to it.
    public func resume(_ checkpoint: DialogueCheckpoint) {
        lock.withLock {
            conversation = checkpoint.conversation
            current = checkpoint.state
            current.contextLimit = contextLimit
            lastCustomerMessageID = checkpoint.lastCustomerMessageID
            lastBotMessageID = checkpoint.lastBotMessageID
        }
    }
}
