// The JSON bodies the API reads and writes (besides the turn, which is `TurnResult.json`, and
// stored records, which encode themselves).
import ConversationStorage
import Foundation

/// `POST /v1/conversations/{id}/messages`.
struct MessageBody: Decodable {
    var text: String
}

/// `POST /v1/conversations/{id}/feedback`: kind `good`, `bad`, `intent` (value: the intent) or
/// `reply` (value: the better reply).
struct FeedbackBody: Decodable {
    var kind: String
    var value: String?

    func request() throws(ServingError) -> ConversationService.FeedbackRequest {
        switch (kind, value) {
        case ("good", _): return .good
        case ("bad", _): return .bad
        case ("intent", let name?): return .intent(name)
        case ("reply", let text?): return .reply(text)
        case ("intent", nil), ("reply", nil): throw .badRequest("feedback of kind \"\(kind)\" needs a \"value\"")
        default: throw .badRequest("the feedback kind must be good, bad, intent or reply")
        }
    }
}

/// `POST /v1/tickets`: one ticket as `chatbot answer` reads it.
struct TicketBody: Decodable {
    var id: String?
    var subject: String?
    var body: String
    var customer: String?
}

/// The answer to `POST /v1/conversations`.
struct StartedBody: Encodable {
    var conversationID: String
    var token: String

    enum CodingKeys: String, CodingKey {
        case token
        case conversationID = "conversation_id"
    }
}

/// The answer to a message stored for the agent of a handed-off conversation.
struct ForAgentBody: Encodable {
    var conversationID: String
    var waitingForAgent = true
    var handedOff = true
    var seq: Int

    enum CodingKeys: String, CodingKey {
        case seq
        case conversationID = "conversation_id", waitingForAgent = "waiting_for_agent", handedOff = "handed_off"
    }
}

/// `GET /v1/conversations/{id}/messages`.
struct TranscriptBody: Encodable {
    var conversationID: String
    /// open, handed_off (a person answers), closed or abandoned.
    var status: ConversationStatus
    var messages: [Message]

    enum CodingKeys: String, CodingKey {
        case messages, status
        case conversationID = "conversation_id"
    }
}
