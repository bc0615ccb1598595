// Reading ticket files: CSV with quoted commas and line breaks, BOM and CRLF, empty and huge
// bodies, ragged rows; JSON Lines with numeric ids and bad lines; e-mail (mbox, .eml, folders).
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

@Test func mailTicketsCarryMessageIDSubjectSenderAndTheCleanedRequest() throws {
    let mbox = """
        From anna@customer.example Mon Dec  7 10:00:00 2026
        From: "Berg, Anna" <anna@customer.example>
        Subject: =?UTF-8?Q?R=C3=BCcksendung?=
        Message-ID: <m1@customer.example>
        Date: Mon, 7 Dec 2026 10:00:00 +0000

        Hi,

        I want to return the boots.

        Thanks,
        Anna

        > earlier reply

        From bob@customer.example Mon Dec  7 10:05:00 2026
        Subject: no id

        where is my parcel?

        From cut@customer.example Mon Dec  7 10:09:00 2026
        Content-Type: multipart/mixed; boundary=b

        --b

        cut off
        """
    let read = try items("inbox.mbox", mbox)
    let ok = tickets(read)
    #expect(ok.map(\.id) == ["m1@customer.example", nil])
    #expect(ok[0].subject == "Rücksendung" && ok[0].body == "I want to return the boots." && ok[0].customer == "Berg, Anna")
    #expect(ok[0].created == "2026-12-07T10:00:00Z")
    #expect(ok[0].location.line == 1 && ok[0].location.byteOffset == 0)
    #expect(ok[1].key.hasPrefix("h-"))
    let bad = failures(read)
    #expect(bad.map(\.location.line) == [21])
    #expect(bad.first?.reason.contains("closing boundary") == true)
    let eml = tickets(try items("one.eml", "From: a@b.example\nMessage-ID: <e1@b.example>\n\nhi, where is my refund?\n"))
    #expect(eml.map(\.key) == ["e1@b.example"])
    #expect(eml.first?.location == TicketLocation(file: eml.first?.location.file ?? "", line: nil, byteOffset: nil))
    #expect(throws: TicketAnsweringError.self) { try items("tickets.txt", "hello\n") }
}

@Test func aFolderOfMailIsReadRecursivelyAndEmptyMessagesAreFailures() throws {
    let folder = try TestFixtures.folder([:])
    defer { try? FileManager.default.removeItem(at: folder) }
    let sub = folder.appendingPathComponent("2026/12")
    try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
    try "Message-ID: <a@x.example>\nSubject: refund\n\nI want a refund".write(
        to: sub.appendingPathComponent("a.eml"), atomically: true, encoding: .utf8)
    try "Message-ID: <b@x.example>\n\n".write(to: folder.appendingPathComponent("b.eml"), atomically: true, encoding: .utf8)
    let source = try TicketInputFormat.open(folder.path, format: nil, fields: TicketFields())
    var read: [TicketSourceItem] = []
    while let item = try source.next() { read.append(item) }
    #expect(tickets(read).map(\.key) == ["a@x.example"])
    #expect(failures(read).map(\.reason) == ["empty ticket (no subject and no body)"])
    #expect(failures(read).first?.location.file.hasSuffix("/b.eml") == true)
}
