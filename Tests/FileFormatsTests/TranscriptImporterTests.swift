// Tests of TranscriptImporter against every store backend: the repository's conversations go
// in (redacted) and come back out through the exporter; re-imports add nothing; bad lines are
// reported with file:line and stored not at all.
import ConversationStorage
import FileFormats
import Foundation
import Testing
import TestSupport

private let backends: [StoreBackend] = [.sqlite, .postgres]

/// The repository's transcripts as `TranscriptReader` reads them.
private func repositoryTranscripts() throws -> [Transcript] {
    try TranscriptReader.load(from: TestFixtures.repositoryRoot.appendingPathComponent("conversations"))
}

/// The repository's files imported into `store`.
@discardableResult
private func importRepository(into store: any ConversationStore) throws -> TranscriptImporter.Summary {
    let folder = TestFixtures.repositoryRoot.appendingPathComponent("conversations")
    var total = TranscriptImporter.Summary()
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".jsonl") }.sorted()
    for name in names {
        total.add(try TranscriptImporter(store: store).importFile(at: folder.appendingPathComponent(name),
                                                                   shown: "conversations/\(name)"))
    }
    return total
}

/// A transcript as the store keeps it: texts and feedback values redacted, no file location.
private func redacted(_ transcript: Transcript) -> Transcript {
    var copy = transcript
    copy.location = SourceLocation(file: "", line: 0)
    copy.turns = transcript.turns.map { turn in
        var turn = turn
        turn.text = Redactor.standard.redact(turn.text)
        turn.feedback = turn.feedback.map {
            if case .betterReply(let text) = $0 { return .betterReply(Redactor.standard.redact(text)) }
            return $0
        }
        return turn
    }
    return copy
}

private func checkRepositoryConversationsRoundTripThroughTheStore(_ backend: StoreBackend) throws {
    guard let fixture = try StoreFixture.make(backend) else { return }
    let store = try fixture.makeStore()
    let originals = try repositoryTranscripts()
    let summary = try importRepository(into: store)
    #expect(summary.conversations == originals.count)
    #expect(summary.alreadyStored == 0)
    #expect(summary.skipped == 0 && summary.problems.isEmpty)
    #expect(summary.turns == originals.reduce(0) { $0 + $1.turns.count })
    #expect(try store.conversations(since: nil, limit: nil).allSatisfy { $0.channel == .import && $0.status == .closed })

    let (text, exported) = try TranscriptExporter(store: store, includeFeedback: true).exportText(since: nil)
    #expect(exported.conversations == originals.count && exported.skipped.isEmpty)
    #expect(exported.feedback == summary.feedback && summary.feedback > 0)
    let readBack = try TranscriptReader.parse(text, file: "export.jsonl")
    let byID = Dictionary(uniqueKeysWithValues: readBack.map { ($0.id, redacted($0)) })
    for original in originals {
        #expect(byID[original.id] == redacted(original), "conversation \(original.id)")
    }
    // Redaction happened on the way in: demo data holds e-mail addresses.
    #expect(text.contains("{email}"))
    #expect(!text.contains("@example.com"))
    #expect(originals.contains { $0.turns.contains { $0.text.contains("@example.com") } })
}

private func checkExportWithoutTheFlagLeavesFeedbackOut(_ backend: StoreBackend) throws {
    guard let fixture = try StoreFixture.make(backend) else { return }
    let store = try fixture.makeStore()
    try importRepository(into: store)
    let (text, summary) = try TranscriptExporter(store: store, includeFeedback: false).exportText(since: nil)
    #expect(summary.feedback == 0)
    #expect(!text.contains("\"feedback\""))
    #expect(try TranscriptReader.parse(text, file: "e.jsonl").allSatisfy { $0.turns.allSatisfy(\.feedback.isEmpty) })
}

private func checkImportingTheSameFilesTwiceStoresNothingNew(_ backend: StoreBackend) throws {
    guard let fixture = try StoreFixture.make(backend) else { return }
    let store = try fixture.makeStore()
    let first = try importRepository(into: store)
    let counts = (try store.conversations(since: nil, limit: nil).count, try store.messages(since: nil, limit: nil).count,
                  try store.feedback(since: nil).count)
    let second = try importRepository(into: store)
    #expect(second.alreadyStored == first.conversations)
    #expect(try store.conversations(since: nil, limit: nil).count == counts.0)
    #expect(try store.messages(since: nil, limit: nil).count == counts.1)
    #expect(try store.feedback(since: nil).count == counts.2)
    #expect(counts.1 == first.turns && counts.2 == first.feedback)
}

private func checkExportSinceKeepsOnlyLaterConversations(_ backend: StoreBackend) throws {
    guard let fixture = try StoreFixture.make(backend) else { return }
    let store = try fixture.makeStore()
    try importRepository(into: store)
    let originals = try repositoryTranscripts()
    let since = try #require(TranscriptExporter.parseSince("2026-03-05"))
    let expected = Set(originals.filter { $0.started >= since }.map(\.id))
    #expect(!expected.isEmpty && expected.count < originals.count)
    let (text, _) = try TranscriptExporter(store: store, includeFeedback: true).exportText(since: since)
    #expect(Set(try TranscriptReader.parse(text, file: "e.jsonl").map(\.id)) == expected)
}

private func checkMalformedLinesAreReportedAndNothingOfThemIsStored(_ backend: StoreBackend) throws {
    guard let fixture = try StoreFixture.make(backend) else { return }
    let policy = StoragePolicy(maxTextBytes: 200)
    let store = try fixture.makeStore(policy: policy)
    func line(_ id: String, text: String = "where is my order", role: String = "agent") -> String {
        #"{"id": "\#(id)", "channel": "sms", "started": "2026-03-02T09:14:00Z", "turns": [{"role": "customer", "text": "hi", "intent": "greeting"}, {"role": "\#(role)", "text": "\#(text)"}]}"#
    }
    let text = [
        line("good"),
        "{not json",
        line("bad-role", role: "bot"),
        line("good"),  // duplicate id
        line("too-long", text: String(repeating: "x", count: 300)),
    ].joined(separator: "\n") + "\n"
    let summary = try TranscriptImporter(store: store, policy: policy).importText(text, file: "in.jsonl")
    #expect(summary.conversations == 1)
    #expect(summary.skipped == 4)
    #expect(Set(summary.problems.compactMap(\.line)) == [2, 3, 4, 5])
    #expect(summary.problems.allSatisfy { $0.file == "in.jsonl" })
    #expect(summary.problems.contains { $0.line == 5 && $0.message.contains("turn 2") })
    #expect(try store.conversations(since: nil, limit: nil).count == 1)
    #expect(try store.conversation(id: TranscriptStoreMapping.conversationID(transcript: "too-long")) == nil)
    #expect(try store.messages(since: nil, limit: nil).count == 2)
    let stored = try #require(try store.conversations(since: nil, limit: nil).first)
    #expect(stored.customerRef == "transcript:sms:good")
}

private func checkPlainTextAndCSVFilesImportWithoutIntentsAndExportBack(_ backend: StoreBackend) throws {
    guard let fixture = try StoreFixture.make(backend) else { return }
    let store = try fixture.makeStore()
    let folder = try TestFixtures.folder([
        "chats.txt": "Customer: my card 4111 1111 1111 1111 was charged twice\nAgent: Sorry, I'll refund it.\n\nCustomer: bad\n\nAgent: hello\nCustomer: hi\n",
        "export.csv": "conversation_id,role,text,time\nx-9,customer,where is it?,2026-03-02T09:14:00Z\nx-9,agent,On its way.,2026-03-02T09:15:00Z\n",
    ])
    defer { try? FileManager.default.removeItem(at: folder) }
    let importer = TranscriptImporter(store: store)
    let text = try importer.importFile(at: folder.appendingPathComponent("chats.txt"), shown: "chats.txt")
    let csv = try importer.importFile(at: folder.appendingPathComponent("export.csv"), shown: "export.csv")
    #expect((text.conversations, text.turns, text.skipped) == (3, 5, 0))
    #expect((csv.conversations, csv.turns) == (1, 2))
    let again = try importer.importFile(at: folder.appendingPathComponent("chats.txt"), shown: "chats.txt")
    #expect(again.alreadyStored == 3)
    #expect(try store.messages(since: nil, limit: nil).count == 7)
    let (exported, summary) = try TranscriptExporter(store: store, includeFeedback: true).exportText(since: nil)
    #expect(summary.conversations == 4 && summary.skipped.isEmpty)
    let read = try TranscriptReader.parse(exported, file: "e.jsonl")
    #expect(Set(read.map(\.id)) == ["chats.txt:1", "chats.txt:4", "chats.txt:6", "x-9"])
    #expect(read.flatMap(\.turns).allSatisfy { $0.intent == nil })
    let first = try #require(read.first { $0.id == "chats.txt:1" })
    #expect(first.turns.first?.text == "my card {card_number} was charged twice")
    #expect(read.first { $0.id == "x-9" }?.started == Date(timeIntervalSince1970: 1_772_442_840))
}

@Test func anUnreadableFileIsAnIOError() {
    let problems = TestFixtures.problems {
        let store = try SQLiteConversationStore(path: FileManager.default.temporaryDirectory
            .appendingPathComponent("imp-\(UUID().uuidString)/db.sqlite").path)
        _ = try TranscriptImporter(store: store).importFile(at: URL(fileURLWithPath: "/nonexistent/x.jsonl"), shown: "x.jsonl")
    }
    #expect(problems == [FileFormatError.Problem(file: "x.jsonl", line: nil, message: "cannot read the file")])
}

@Test func recordIdsAreStableAndDistinct() {
    let transcript = Transcript(id: "demo-1", channel: .web, started: Date(timeIntervalSince1970: 1_800_000_000), turns: [
        TranscriptTurn(role: .customer, text: "hi", intent: "greeting"),
        TranscriptTurn(role: .agent, text: "hello", feedback: [.rating(good: true), .betterReply("Hi!")]),
    ], location: SourceLocation(file: "f", line: 1))
    let (conversation, messages) = TranscriptImporter.records(for: transcript)
    let (again, messagesAgain) = TranscriptImporter.records(for: transcript)
    #expect(conversation == again)
    #expect(messages.map(\.0) == messagesAgain.map(\.0))
    let ids = [conversation.id] + messages.map(\.0.id) + messages.flatMap { $0.1.map(\.id) }
    #expect(Set(ids).count == 5)
    #expect(messages[1].1.map(\.createdAt) == messages[1].1.map(\.createdAt).sorted())
    #expect(messages[1].1[0].createdAt > messages[1].0.createdAt)
    #expect(conversation.customerRef == "transcript:web:demo-1")
}

/// SQLite: always runs.
@Suite struct SQLiteTranscriptStoreTests {
    @Test func repositoryConversationsRoundTripThroughTheStore() throws { try checkRepositoryConversationsRoundTripThroughTheStore(.sqlite) }
    @Test func exportWithoutTheFlagLeavesFeedbackOut() throws { try checkExportWithoutTheFlagLeavesFeedbackOut(.sqlite) }
    @Test func importingTheSameFilesTwiceStoresNothingNew() throws { try checkImportingTheSameFilesTwiceStoresNothingNew(.sqlite) }
    @Test func exportSinceKeepsOnlyLaterConversations() throws { try checkExportSinceKeepsOnlyLaterConversations(.sqlite) }
    @Test func malformedLinesAreReportedAndNothingOfThemIsStored() throws { try checkMalformedLinesAreReportedAndNothingOfThemIsStored(.sqlite) }
    @Test func plainTextAndCSVFilesImportWithoutIntentsAndExportBack() throws { try checkPlainTextAndCSVFilesImportWithoutIntentsAndExportBack(.sqlite) }
}

/// PostgreSQL: skipped without CHATBOT_TEST_DATABASE_URL; under CI=true it must be set, or these fail.
@Suite(.enabled(if: PostgresTestDatabase.isEnabled, "CHATBOT_TEST_DATABASE_URL is unset"))
struct PostgreSQLTranscriptStoreTests {
    @Test func repositoryConversationsRoundTripThroughTheStore() throws { try checkRepositoryConversationsRoundTripThroughTheStore(.postgres) }
    @Test func exportWithoutTheFlagLeavesFeedbackOut() throws { try checkExportWithoutTheFlagLeavesFeedbackOut(.postgres) }
    @Test func importingTheSameFilesTwiceStoresNothingNew() throws { try checkImportingTheSameFilesTwiceStoresNothingNew(.postgres) }
    @Test func exportSinceKeepsOnlyLaterConversations() throws { try checkExportSinceKeepsOnlyLaterConversations(.postgres) }
    @Test func malformedLinesAreReportedAndNothingOfThemIsStored() throws { try checkMalformedLinesAreReportedAndNothingOfThemIsStored(.postgres) }
    @Test func plainTextAndCSVFilesImportWithoutIntentsAndExportBack() throws { try checkPlainTextAndCSVFilesImportWithoutIntentsAndExportBack(.postgres) }
}
