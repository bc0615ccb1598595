// Tests of TranscriptExporter on conversations the bot recorded itself (not imported): role and
// channel mapping, feedback placement, what is left out and why, and --since parsing.
import ConversationStorage
import FileFormats
import Foundation
import Primitives
import Testing

private let start = Date(timeIntervalSince1970: 1_800_000_000.25)

@Test func aLiveConversationExportsUnderItsUUID() throws {
    let conversation = Conversation(channel: .chat, startedAt: start)
    let customer = Message(conversationID: conversation.id, seq: 1, role: .customer, text: "where's my parcel?",
                           intent: "order_status", sentimentLabel: "negative")
    let system = Message(conversationID: conversation.id, seq: 2, role: .system, text: "classifier v3")
    let bot = Message(conversationID: conversation.id, seq: 3, role: .bot, text: "Which order number?")
    let human = Message(conversationID: conversation.id, seq: 4, role: .agent, text: "Taking over from here.")
    let feedback: [UUID: [Feedback]] = [
        customer.id: [Feedback(messageID: customer.id, kind: .correctedIntent, value: "track_package")],
        bot.id: [Feedback(messageID: bot.id, kind: .rating, value: "down"),
                 Feedback(messageID: bot.id, kind: .rating, value: "3"),
                 Feedback(messageID: bot.id, kind: .betterReply, value: "Could you give me the order number?")],
        human.id: [Feedback(messageID: human.id, kind: .rating, value: "5")],
    ]
    let transcript = try TranscriptExporter.transcript(conversation, messages: [customer, system, bot, human],
                                                       feedback: feedback).get()
    #expect(transcript.id == conversation.id.uuidString.lowercased())
    #expect(transcript.channel == .chat)
    #expect(transcript.turns.map(\.role) == [.customer, .agent, .agent])
    #expect(transcript.turns[0].sentiment == .negative)
    // The correction on the customer message moves to the reply; the "3" rating has no place.
    #expect(transcript.turns[1].feedback == [.rating(good: false), .betterReply("Could you give me the order number?"),
                                             .correctedIntent("track_package")])
    #expect(transcript.turns[2].feedback == [.rating(good: true)])
    // Fractions of a second are dropped, and the reader reads the line.
    let line = TranscriptWriter.line(transcript)
    #expect(line.contains("\"started\": \"2027-01-15T08:00:00Z\""))
    let read = try TranscriptReader.parse(line, file: "e.jsonl")
    #expect(read.first?.turns == transcript.turns)
}

@Test func ticketsExportAsEmail() throws {
    let conversation = Conversation(channel: .ticket, startedAt: start)
    let message = Message(conversationID: conversation.id, role: .customer, text: "refund?", intent: "refund_status")
    #expect(try TranscriptExporter.transcript(conversation, messages: [message], feedback: [:]).get().channel == .email)
}

@Test func customerMessagesWithoutAnIntentExportWithoutOne() throws {
    let conversation = Conversation(channel: .chat, startedAt: start)
    let customer = Message(conversationID: conversation.id, seq: 1, role: .customer, text: "hello", confidence: 0.4)
    let bot = Message(conversationID: conversation.id, seq: 2, role: .bot, text: "Hi!")
    let feedback = [bot.id: [Feedback(messageID: bot.id, kind: .rating, value: "good")]]
    let transcript = try TranscriptExporter.transcript(conversation, messages: [customer, bot], feedback: feedback).get()
    #expect(transcript.turns[0].intent == nil)
    #expect(transcript.turns[0].intentSource == .label && transcript.turns[0].confidence == nil)
    let line = TranscriptWriter.line(transcript)
    #expect(line.contains(#"{"role": "customer", "text": "hello"}"#))
    #expect(try TranscriptReader.parse(line, file: "e.jsonl").first?.turns == transcript.turns)
}

@Test func conversationsTheFormatCannotHoldAreSkippedWithAReason() {
    let conversation = Conversation(channel: .chat, startedAt: start)
    func reason(_ messages: [Message]) -> String? {
        if case .failure(let reason) = TranscriptExporter.transcript(conversation, messages: messages, feedback: [:]) {
            return reason.message
        }
        return nil
    }
    let noIntent = Message(conversationID: conversation.id, seq: 1, role: .customer, text: "hello")
    #expect(reason([noIntent]) == nil)
    #expect(reason([]) == "no customer or agent messages")
    #expect(reason([Message(conversationID: conversation.id, role: .system, text: "x")]) == "no customer or agent messages")
    let template = Message(conversationID: conversation.id, role: .bot, text: "Your order {order_id} ships today")
    #expect(reason([template])?.contains("placeholder {order_id}") == true)
    let blank = Message(conversationID: conversation.id, role: .bot, text: "  ")
    #expect(reason([blank])?.contains("empty") == true)
}

@Test func sinceAcceptsDatesAndTimes() {
    #expect(TranscriptExporter.parseSince("2026-03-02") == Date(timeIntervalSince1970: 1_772_409_600))
    #expect(TranscriptExporter.parseSince("2026-03-02T09:14:00Z") == Date(timeIntervalSince1970: 1_772_442_840))
    #expect(TranscriptExporter.parseSince("2026-03-02T11:14:00+02:00") == Date(timeIntervalSince1970: 1_772_442_840))
    #expect(TranscriptExporter.parseSince("2026-03-02T09:14:00.500Z") == Date(timeIntervalSince1970: 1_772_442_840.5))
    for bad in ["", "yesterday", "2026-13-01", "2026-03-02T09:14", "02.03.2026", "2026-03-02 09:14:00Z"] {
        #expect(TranscriptExporter.parseSince(bad) == nil, "\(bad)")
    }
}

@Test func aHandedOffChatExportsItsStatusAndMarksTheBotsReadingsAsPredictions() throws {
    let conversation = Conversation(channel: .chat, startedAt: start, status: .handedOff)
    var messages: [Message] = []
    var feedback: [UUID: [Feedback]] = [:]
    for (index, (text, intent, judgement)) in [("hello", "greeting", nil), ("where is 48213377", "order_status", "up"),
                                               ("cancel it", "goodbye", "track_package")].enumerated() {
        let customer = Message(conversationID: conversation.id, seq: 2 * index + 1, role: .customer, text: text, intent: intent,
                               confidence: 0.5 + 0.125 * Double(index))
        let bot = Message(conversationID: conversation.id, seq: 2 * index + 2, role: .bot, text: "reply \(index)")
        messages += [customer, bot]
        if judgement == "up" { feedback[bot.id] = [Feedback(messageID: bot.id, kind: .rating, value: "up")] }
        if let judgement, judgement != "up" {
            feedback[customer.id] = [Feedback(messageID: customer.id, kind: .correctedIntent, value: judgement)]
        }
    }
    let transcript = try TranscriptExporter.transcript(conversation, messages: messages, feedback: feedback).get()
    #expect(transcript.status == .handedOff)
    let customers = transcript.turns.filter { $0.role == .customer }
    #expect(customers.map(\.intentSource) == [.predicted, .confirmed, .corrected])
    #expect(customers.map(\.confidence) == [0.5, 0.625, 0.75])
    let line = TranscriptWriter.line(transcript)
    #expect(line.contains(#""status": "handed_off""#) && line.contains(#""intent_source": "predicted", "confidence": 0.5"#))
    let read = try #require(try TranscriptReader.parse(line, file: "e.jsonl").first)
    #expect(read.turns == transcript.turns && read.status == .handedOff)

    // Through the store and back: the marks survive an import.
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)/c.sqlite").path
    let store = try SQLiteConversationStore(path: path, fsyncEveryCommit: false)
    _ = try TranscriptImporter(store: store).importText(line + "\n", file: "e.jsonl")
    let (again, _) = try TranscriptExporter(store: store, includeFeedback: true).exportText(since: nil)
    let reread = try #require(try TranscriptReader.parse(again, file: "again.jsonl").first)
    #expect(reread.status == .handedOff)
    #expect(reread.turns.filter { $0.role == .customer }.map(\.intentSource) == [.predicted, .confirmed, .corrected])
}

@Test func filesWithoutTheNewKeysReadAsLabelledAndClosed() throws {
    let old = #"{"id": "demo-1", "channel": "chat", "started": "2026-03-02T09:14:00Z", "turns": [{"role": "customer", "text": "hi", "intent": "greeting"}]}"#
    let read = try #require(try TranscriptReader.parse(old, file: "old.jsonl").first)
    #expect(read.status == nil && read.turns[0].intentSource == .label && read.turns[0].confidence == nil)
    let labelWithConfidence = old.replacingOccurrences(of: #""intent": "greeting""#, with: #""intent": "greeting", "confidence": 0.9"#)
    #expect(throws: (any Error).self) { try TranscriptReader.parse(labelWithConfidence, file: "bad.jsonl") }
}
