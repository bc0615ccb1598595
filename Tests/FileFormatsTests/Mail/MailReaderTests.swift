// Tests of MailReader: one .eml, a folder of them (recursively, in path order, other files
// ignored), and mbox files (`From ` separators, `>From` unquoting, positions, tiny read chunks,
// a truncated last message, text before the first message, an oversized message).
import FileFormats
import Foundation
import Testing

private let mbox = """
    From anna@customer.example Mon Dec  7 10:00:00 2026
    Message-ID: <one@customer.example>
    Subject: first

    Where is my order?
    >From the tracking page I see nothing.
    From the other page neither.

    From bob@customer.example Mon Dec  7 10:05:00 2026
    Subject: second, no id

    Please cancel order 48213377.

    From carla@customer.example Mon Dec  7 10:09:00 2026
    Message-ID: <three@customer.example>
    Subject: third

    My card was charged twice.

    """

private func write(_ text: String, to name: String, in folder: URL) throws -> String {
    let url = folder.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
    return url.path
}

private func read(_ path: String, chunkSize: Int = 1 << 20, maxMessageBytes: Int = 1 << 20) throws -> [Result<MailMessage, FileFormatError>] {
    Array(try MailReader(path: path, source: nil, maxMessageBytes: maxMessageBytes, chunkSize: chunkSize))
}

@Test func anMboxYieldsEveryMessageWithItsPosition() throws {
    let folder = try MailFixtures.temporaryFolder()
    let path = try write(mbox, to: "inbox.mbox", in: folder)
    let messages = try read(path).map { try $0.get() }
    #expect(messages.map(\.id) == ["one@customer.example", nil, "three@customer.example"])
    #expect(messages.map(\.subject) == ["first", "second, no id", "third"])
    #expect(messages[0].text == "Where is my order?\nFrom the tracking page I see nothing.\nFrom the other page neither.\n\n")
    #expect(messages[1].request == "Please cancel order 48213377.")
    let offsets = mbox.utf8.enumerated().filter { $0.element == UInt8(ascii: "F") }.map(\.offset)
    #expect(messages.map(\.position.line) == [1, 9, 14])
    #expect(messages.map(\.position.byteOffset) == [offsets[0], offsets[3], offsets[4]])
    #expect(messages.allSatisfy { $0.position.file == path })
}

@Test func tinyReadChunksGiveTheSameMessages() throws {
    let folder = try MailFixtures.temporaryFolder()
    let path = try write(mbox.replacingOccurrences(of: "\n", with: "\r\n"), to: "crlf.mbox", in: folder)
    let whole = try read(path).map { try $0.get() }
    for chunkSize in [1, 3, 7, 64] {
        #expect(try read(path, chunkSize: chunkSize).map { try $0.get() } == whole)
    }
    #expect(whole.count == 3)
    #expect(whole[0].text.hasPrefix("Where is my order?\nFrom the tracking page"))
}

@Test func aTruncatedMboxReportsTheCutMessageAndKeepsTheOthers() throws {
    let cut = mbox + """

        From dan@customer.example Mon Dec  7 10:12:00 2026
        Content-Type: multipart/alternative; boundary=b

        --b
        Content-Type: text/plain

        My parcel arrived dam
        """
    let folder = try MailFixtures.temporaryFolder()
    let path = try write(cut, to: "cut.mbox", in: folder)
    let results = try read(path)
    #expect(results.count == 4)
    #expect(results.prefix(3).allSatisfy { (try? $0.get()) != nil })
    guard case .failure(let error) = results[3] else {
        Issue.record("the truncated message parsed")
        return
    }
    let problem = try #require(error.problems.first)
    #expect(problem.file == path)
    #expect(problem.byteOffset == cut.utf8.count - "From dan@customer.example Mon Dec  7 10:12:00 2026\nContent-Type: multipart/alternative; boundary=b\n\n--b\nContent-Type: text/plain\n\nMy parcel arrived dam".utf8.count)
    #expect(problem.line == 20)
    #expect(problem.message.contains("truncated"))
    #expect(error.description.hasPrefix("\(path):20 (byte \(problem.byteOffset ?? -1)): "))
    let headersCut = try write(mbox + "\nFrom x@y.example Mon Dec  7 10:12:00 2026\nSubject: cut", to: "headers.mbox", in: folder)
    let last = try read(headersCut).last
    #expect(throws: FileFormatError.self) { try last?.get() }
}

@Test func textBeforeTheFirstFromLineIsOneErrorAndTheRestIsRead() throws {
    let folder = try MailFixtures.temporaryFolder()
    let path = try write("garbage\nmore garbage\n\n" + mbox, to: "odd.mbox", in: folder)
    let results = try read(path)
    #expect(results.count == 4)
    guard case .failure(let error) = results[0] else {
        Issue.record("garbage was read as a message")
        return
    }
    #expect(error.problems.first?.byteOffset == 0)
    #expect(error.problems.first?.message.contains("From ") == true)
    #expect(results.dropFirst().allSatisfy { (try? $0.get()) != nil })
}

@Test func anOversizedMessageIsSkippedWithAnError() throws {
    let big = "From a@b.example Mon Dec  7 10:00:00 2026\nSubject: big\n\n" + String(repeating: "x", count: 5_000) + "\n\n" + mbox
    let folder = try MailFixtures.temporaryFolder()
    let path = try write(big, to: "big.mbox", in: folder)
    let results = try read(path, chunkSize: 512, maxMessageBytes: 1_000)
    #expect(results.count == 4)
    let problem = MailFixtures.failure { _ = try results[0].get() }
    #expect(problem?.message.contains("larger than 1000 bytes") == true)
    #expect(problem?.byteOffset == 0)
    #expect(try results[1].get().id == "one@customer.example")
}

@Test func aFolderIsReadRecursivelyInPathOrderAndBadFilesAreReported() throws {
    let folder = try MailFixtures.temporaryFolder()
    _ = try write("Message-ID: <b@x.example>\n\nsecond", to: "2026/b.eml", in: folder)
    _ = try write("Message-ID: <a@x.example>\n\nfirst", to: "2026/a.EML", in: folder)
    _ = try write("Message-ID: <c@x.example>\nContent-Type: text/plain; charset=koi8-r\n\nbad", to: "2026/12/c.eml", in: folder)
    _ = try write("not mail", to: "notes.txt", in: folder)
    _ = try write("Message-ID: <d@x.example>\n\nlast", to: "z.eml", in: folder)
    let results = try read(folder.path)
    #expect(results.count == 4)
    let ids = results.compactMap { try? $0.get().id }
    #expect(ids == ["a@x.example", "b@x.example", "d@x.example"])
    let problem = MailFixtures.failure { _ = try results[0].get() }
    #expect(problem?.file == folder.path + "/2026/12/c.eml")
    #expect(problem?.message.contains("koi8-r") == true)
}

@Test func oneEmlFileAndBadPathsAreHandled() throws {
    let folder = try MailFixtures.temporaryFolder()
    let path = try write("Subject: hi\n\nWhere is my parcel?", to: "one.eml", in: folder)
    let results = try read(path)
    #expect(results.count == 1)
    #expect(try results[0].get().request == "Where is my parcel?")
    #expect(MailReader.Source(path: path) == .message)
    #expect(MailReader.Source(path: folder.path) == .folder)
    #expect(MailReader.Source(path: "x.MBOX") == .mbox)
    let missing = MailFixtures.failure { _ = try MailReader(path: folder.path + "/nope.mbox") }
    #expect(missing?.message == "no such file or folder")
    let other = try write("x", to: "a.txt", in: folder)
    #expect(MailFixtures.failure { _ = try MailReader(path: other) }?.message.contains("not a folder") == true)
    let forced = Array(try MailReader(path: other, source: .message))
    #expect(forced.count == 1)
}

@Test func anEmlFileOverTheLimitIsSkippedBeforeItIsRead() throws {
    let folder = try MailFixtures.temporaryFolder()
    _ = try write("Subject: big\n\n" + String(repeating: "x", count: 2_000), to: "big.eml", in: folder)
    _ = try write("Subject: small\n\nok", to: "small.eml", in: folder)
    let results = try read(folder.path, maxMessageBytes: 1_000)
    #expect(results.count == 2)
    #expect(MailFixtures.failure { _ = try results[0].get() }?.message.contains("larger than 1000 bytes") == true)
    #expect(try results[1].get().subject == "small")
}
