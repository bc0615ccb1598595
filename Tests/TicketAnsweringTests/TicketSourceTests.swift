// Reading ticket files: CSV with quoted commas and line breaks, BOM and CRLF, empty and huge
// bodies, ragged rows; JSON Lines with numeric ids and bad lines; e-mail not supported yet.
import Foundation
import Testing
import TestSupport
import TicketAnswering

private func items(_ name: String, _ text: String, fields: TicketFields = TicketFields()) throws -> [TicketSourceItem] {
    let folder = try TestFixtures.folder([name: text])
    defer { try? FileManager.default.removeItem(at: folder) }
    let source = try TicketInputFormat.open(folder.appendingPathComponent(name).path, format: nil, fields: fields)
    var result: [TicketSourceItem] = []
    while let item = try source.next() { result.append(item) }
    return result
}

private func tickets(_ items: [TicketSourceItem]) -> [TicketRequest] {
    items.compactMap { if case let .ticket(ticket) = $0 { ticket } else { nil } }
}

private func failures(_ items: [TicketSourceItem]) -> [TicketReadFailure] {
    items.compactMap { if case let .failure(failure) = $0 { failure } else { nil } }
}

@Test func csvTicketsKeepQuotedCommasAndLineBreaksAndReportBadRows() throws {
    let csv = "\u{FEFF}ID,Subject,Body,Customer\r\nT1,Boots,\"I want to return the boots, size 42.\r\nAlso: \"\"thanks\"\"\",Anna Berg\r\n"
        + "T2,,   ,Bob\r\nT3,Hi,\"never closed\r\nT4,x\r\n"
    let read = try items("t.csv", csv)
    let ok = tickets(read)
    #expect(ok.count == 1)
    #expect(ok.first?.id == "T1" && ok.first?.subject == "Boots" && ok.first?.customer == "Anna Berg")
    #expect(ok.first?.body == "I want to return the boots, size 42.\nAlso: \"thanks\"")
    #expect(ok.first?.location.line == 2)
    let bad = failures(read)
    #expect(bad.map(\.location.line) == [4, 5])
    #expect(bad.first?.reason == "empty ticket (no subject and no body)")
    #expect(bad.last?.reason.contains("never closed") == true)
}

@Test func csvWithoutABodyColumnIsRejectedNamingTheFile() throws {
    #expect(throws: TicketAnsweringError.self) { try items("t.csv", "id,comment\n1,hello\n") }
    let other = try items("t.csv", "id,comment\n1,hello there\n", fields: TicketFields(body: "comment"))
    #expect(tickets(other).map(\.body) == ["hello there"])
}

@Test func ticketsWithoutIdsAreKeyedByTheirTextAndHugeBodiesAreRead() throws {
    let big = String(repeating: "my order is late. ", count: 60_000)  // about 1 MB
    let read = try items("t.csv", "text\nwhere is my order\nwhere is my order\n\(big)\n")
    let ok = tickets(read)
    #expect(ok.count == 3)
    #expect(ok[0].key == ok[1].key && ok[0].key.hasPrefix("h-") && ok[0].key != ok[2].key)
    #expect(ok[2].body.utf8.count > 1_000_000)
}

@Test func jsonLinesTicketsTakeNumericIdsAndReportBadLinesWithOffsets() throws {
    let text = "{\"id\": 7, \"message\": \"reset my password\", \"customer\": \"Zoë\"}\r\n{\"id\": \"x\", \"body\": 5}\nnot json\n"
        + "{\"subject\": \"Hello\"}\n"
    let read = try items("t.jsonl", text)
    #expect(tickets(read).count == 2)
    #expect(tickets(read).first?.key == "7" && tickets(read).last?.key.hasPrefix("h-") == true)
    #expect(tickets(read).first?.customer == "Zoë")
    let bad = failures(read)
    #expect(bad.map(\.location.line) == [2, 3])
    #expect(bad.map(\.location.byteOffset) == [63, 86])
    #expect(bad.first?.reason == "key \"body\" must be a string")
}

@Test func emailInputIsNotSupportedYetAndUnknownTypesAreNamed() throws {
    for name in ["inbox.mbox", "one.eml"] {
        #expect(throws: TicketAnsweringError.self) { try items(name, "From: a@b\n\nhi\n") }
    }
    #expect(throws: TicketAnsweringError.self) { try items("tickets.txt", "hello\n") }
}
