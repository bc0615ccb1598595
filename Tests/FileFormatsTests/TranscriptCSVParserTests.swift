// Tests of CSV transcripts: rows grouped by conversation id, ordered by time, optional time and
// intent columns, renamed columns, and file:line problems.
import FileFormats
import Foundation
import Testing
import TestSupport

private let fileTime = Date(timeIntervalSince1970: 1_800_000_000)

private func parse(_ text: String, options: TranscriptReadOptions = TranscriptReadOptions()) -> TranscriptFileParse {
    TranscriptReader.parse(text, file: "export.csv", format: .csv, options: options, started: fileTime)
}

@Test func rowsGroupByConversationInTimeOrder() throws {
    let text = """
        conversation_id,role,text,time,intent
        c-1,Customer,"hi, where is my order?",2026-03-02T09:14:00Z,order_status
        c-2,customer,Ich möchte eine Rückerstattung 💶,2026-03-02 10:00:00,
        c-1,Bot,Which number?,2026-03-02T09:14:05Z,
        c-2,Agent,"Sure — ""refund"" started.",2026-03-02T10:00:09+00:00,
        c-1,customer,48213377,2026-03-02T09:14:03Z,
        c-1,agent,"Thanks!
        It ships today.",2026-03-02T09:14:30.5Z,
        """
    let parsed = parse(text + "\n")
    #expect(parsed.problems.isEmpty && parsed.skipped == 0)
    #expect(parsed.transcripts.map(\.id) == ["c-1", "c-2"])
    let first = parsed.transcripts[0]
    #expect(first.turns.map(\.text) == ["hi, where is my order?", "48213377", "Which number?", "Thanks!\nIt ships today."])
    #expect(first.turns.map(\.role) == [.customer, .customer, .agent, .agent])
    #expect(first.turns.map(\.intent) == ["order_status", nil, nil, nil])
    #expect(first.started == Date(timeIntervalSince1970: 1_772_442_840))
    #expect(first.location == SourceLocation(file: "export.csv", line: 2))
    let second = parsed.transcripts[1]
    #expect(second.turns.map(\.text) == ["Ich möchte eine Rückerstattung 💶", "Sure — \"refund\" started."])
    #expect(second.started == Date(timeIntervalSince1970: 1_772_445_600))
}

@Test func withoutATimeColumnRowsKeepFileOrderAndStartAtTheFileTime() {
    var options = TranscriptReadOptions()
    options.columns = TranscriptCSVColumns(conversationID: "chat", role: "who", text: "message")
    options.customerLabels = ["user"]
    options.agentLabels = ["assistant"]
    let parsed = parse("Chat,Who,Message\n7,user,x\n7,assistant,y\n", options: options)
    #expect(parsed.problems.isEmpty)
    #expect(parsed.transcripts.first?.turns.map(\.text) == ["x", "y"])
    #expect(parsed.transcripts.first?.started == fileTime)
}

@Test func badRowsAreReportedWithFileAndLineAndTheirConversationLeftOut() {
    let text = """
        conversation_id,role,text,time,intent
        ok,customer,hi,2026-03-02T09:14:00Z,
        ok,agent,hello,,
        bad,visitor,hi,2026-03-02T09:14:00Z,
        bad,agent,,yesterday,
        bad,agent,{order_id} ships,2026-03-02T09:14:00Z,greeting
        ,customer,who am I,,
        """
    var options = TranscriptReadOptions()
    options.knownIntents = ["greeting"]
    let parsed = parse(text, options: options)
    #expect(parsed.transcripts.map(\.id) == ["ok"])
    #expect(parsed.skipped == 2)
    #expect(parsed.problems.map(\.description) == [
        "export.csv:4: role \"visitor\" is not Customer, Agent or Bot (see --customer-label and --agent-label)",
        "export.csv:5: empty text",
        "export.csv:5: time \"yesterday\" is not an ISO 8601 time like 2026-03-02T09:14:00Z",
        "export.csv:6: text contains placeholder {order_id}; transcripts hold filled-in text",
        "export.csv:6: an intent goes on a customer's row",
        "export.csv:7: empty conversation id",
    ])
    let unknown = parse("conversation_id,role,text,intent\na,customer,hi,nope\n", options: options)
    #expect(unknown.problems.map(\.description) == ["export.csv:2: unknown intent \"nope\""])
}

@Test func missingColumnsAndMalformedCSVAreReported() {
    let missing = parse("id,role,text\n1,customer,hi\n")
    #expect(missing.transcripts.isEmpty && missing.skipped == 1)
    #expect(missing.problems.map(\.description) == ["export.csv:1: no column \"conversation_id\" (columns: id, role, text)"])
    let ragged = parse("conversation_id,role,text\n1,customer\n")
    #expect(ragged.problems.map(\.description) == ["export.csv:2: record has 2 fields, expected 3 as in the header"])
    #expect(parse("").problems.map(\.description) == ["export.csv:1: no header row"])
}
