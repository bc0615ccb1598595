// Tests of TranscriptWriter: what it writes, the reader reads back unchanged, for awkward text
// too; timestamps are the exact form the format requires.
import FileFormats
import Foundation
import Primitives
import Testing
import TestSupport

private let texts = ["x", "é", "👋🏽 hi", "say \"hi\" \\ back", "line\nbreak\ttab\r\u{01}\u{7F}", "\u{2028}sep",
                     "pay {card_number} or {iban}", String(repeating: "long text ", count: 5_000)]

@Test(arguments: texts)
func writtenLinesReadBackUnchanged(text: String) throws {
    let transcript = Transcript(id: "id \"\(text.prefix(3))\"", channel: .whatsapp, started: Date(timeIntervalSince1970: 1_772_442_840),
                                turns: [TranscriptTurn(role: .customer, text: text, intent: "greeting", sentiment: .positive),
                                        TranscriptTurn(role: .agent, text: text, feedback: [.rating(good: false), .betterReply(text),
                                                                                           .correctedIntent("thanks")])],
                                location: SourceLocation(file: "t.jsonl", line: 1))
    let line = TranscriptWriter.line(transcript)
    #expect(!line.contains("\n"))
    let read = try TranscriptReader.parse(TranscriptWriter.text([transcript]), file: "t.jsonl")
    #expect(read == [transcript])
}

@Test func theWrittenFormMatchesTheDocumentedExample() {
    let transcript = Transcript(id: "demo-0001", channel: .chat, started: Date(timeIntervalSince1970: 1_772_442_840),
                                turns: [TranscriptTurn(role: .customer, text: "48213377", intent: "order_status"),
                                        TranscriptTurn(role: .agent, text: "Thanks!", feedback: [.rating(good: true)])],
                                location: SourceLocation(file: "t", line: 1))
    #expect(TranscriptWriter.line(transcript) == #"{"id": "demo-0001", "channel": "chat", "started": "2026-03-02T09:14:00Z", "turns": [{"role": "customer", "text": "48213377", "intent": "order_status"}, {"role": "agent", "text": "Thanks!", "feedback": [{"kind": "rating", "value": "good"}]}]}"#)
}

@Test func timestampsAreUTCWithSecondsAndZ() {
    #expect(TranscriptWriter.timestamp(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
    #expect(TranscriptWriter.timestamp(Date(timeIntervalSince1970: 1_772_442_840.999)) == "2026-03-02T09:14:00Z")
    #expect(TranscriptWriter.timestamp(Date(timeIntervalSince1970: 4_102_444_799)) == "2099-12-31T23:59:59Z")
}

@Test func readerAcceptsRedactionPlaceholdersButNotTemplateSlots() {
    func problems(_ text: String) -> [FileFormatError.Problem] {
        TestFixtures.problems {
            _ = try TranscriptReader.parse(#"{"id": "a", "channel": "chat", "started": "2026-03-02T09:14:00Z", "turns": [{"role": "customer", "text": "\#(text)", "intent": "greeting"}]}"#, file: "t.jsonl")
        }
    }
    #expect(problems("mail me at {email} or {phone}, card {card_number}, {iban}, {ssn}").isEmpty)
    #expect(problems("order {order_id}").map(\.message) == ["turn 1: text contains placeholder {order_id}; transcripts hold filled-in text"])
}
