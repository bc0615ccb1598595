// Tests of the labelled-example views of an intent catalog and of transcripts.
import FileFormats
import Foundation
import Testing

@Test func customerTurnsBecomeLabelledExamplesWithCorrections() {
    let location = SourceLocation(file: "c.jsonl", line: 7)
    let transcript = Transcript(
        id: "t", channel: .email, started: Date(timeIntervalSince1970: 0),
        turns: [
            TranscriptTurn(role: .customer, text: "where's my refund", intent: "order_status"),
            TranscriptTurn(role: .agent, text: "Let me check the order.", feedback: [.correctedIntent("refund_status")]),
            TranscriptTurn(role: .customer, text: "thanks", intent: "thanks"),
            TranscriptTurn(role: .agent, text: "Welcome!"),
        ],
        location: location)
    #expect(transcript.labelledCustomerTurns == [
        LabelledExample(text: "where's my refund", label: "refund_status", location: location),
        LabelledExample(text: "thanks", label: "thanks", location: location),
    ])
}

@Test func catalogExamplesAreLabelledWithTheirIntent() throws {
    let catalog = IntentCatalog(intents: [
        IntentDefinition(name: "thanks", description: "d", examples: [LocatedText("ty", at: SourceLocation(file: "t.yaml", line: 4))],
                         responses: [LocatedText("Welcome", at: SourceLocation(file: "t.yaml", line: 6))], file: "t.yaml"),
    ])
    #expect(catalog.labelledExamples == [LabelledExample(text: "ty", label: "thanks", location: SourceLocation(file: "t.yaml", line: 4))])
}
