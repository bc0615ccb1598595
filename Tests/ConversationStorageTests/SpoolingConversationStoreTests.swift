// The spool without a server: a SQLite store that can be "down" (or commit and then report a
// lost connection) stands in for PostgreSQL, so replay order, exactly-once, restart and torn
// lines are checked on every machine. The live outage check is in ConversationStoreTests.
import ConversationStorage
import Foundation
import Testing

@Test func writesDuringAnOutageAreSpooledAndReplayedInOrderOnce() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let flaky = try FlakyStore(path: directory.appendingPathComponent("db.sqlite").path)
    let store = try SpoolingConversationStore(
        primary: flaky, spoolPath: directory.appendingPathComponent("spool.jsonl").path, backoff: 0...0)
    let conversation = try store.startConversation(Conversation())
    let first = try store.appendMessage(Message(conversationID: conversation.id, role: .customer, text: "one"))
    flaky.mode = .down
    let second = try store.appendMessage(Message(conversationID: conversation.id, role: .bot, text: "two jane@example.com"))
    let feedback = try store.recordFeedback(Feedback(messageID: second.id, kind: .rating, value: "5"))
    try store.endConversation(id: conversation.id, status: .closed, at: Date())
    #expect(second.seq == 0 && second.text == "two {email}", "spooled, and redacted before spooling")
    #expect(store.pendingCount == 3)
    let spoolText = try String(contentsOf: directory.appendingPathComponent("spool.jsonl"), encoding: .utf8)
    #expect(!spoolText.contains("jane@example.com"))
    #expect(throws: StorageError.self) { try store.messages(conversationID: conversation.id) }

    flaky.mode = .commitThenFail  // the first replayed write commits but reports a lost connection
    #expect(try store.flush(timeout: 0) == false)
    flaky.mode = .up
    #expect(try store.flush(timeout: 1))
    let stored = try store.messages(conversationID: conversation.id)
    #expect(stored.map(\.id) == [first.id, second.id] && stored.map(\.seq) == [1, 2])
    #expect(try store.feedback(messageID: second.id) == [feedback])
    #expect(try store.conversation(id: conversation.id)?.status == .closed)
}

@Test func aSpoolLeftByACrashIsReplayedAtStartAndATornLastLineIgnored() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let databasePath = directory.appendingPathComponent("db.sqlite").path
    let spoolPath = directory.appendingPathComponent("spool.jsonl").path
    let conversationID = UUID()
    do {
        let flaky = try FlakyStore(path: databasePath)
        flaky.mode = .down
        let store = try SpoolingConversationStore(primary: flaky, spoolPath: spoolPath, backoff: 0...0)
        try store.startConversation(Conversation(id: conversationID))
        for turn in 0..<5 {
            try store.appendMessage(Message(conversationID: conversationID, role: .customer, text: "turn \(turn)"))
        }
    }
    let handle = try #require(FileHandle(forWritingAtPath: spoolPath))
    handle.seekToEndOfFile()
    handle.write(Data(#"{"op":"append_message","mess"#.utf8))
    try handle.close()

    let restarted = try SpoolingConversationStore(
        primary: try FlakyStore(path: databasePath), spoolPath: spoolPath, backoff: 0...0)
    #expect(restarted.pendingCount == 0)
    #expect(try restarted.messages(conversationID: conversationID).map(\.text) == (0..<5).map { "turn \($0)" })
}

@Test func aSecondProcessCannotShareTheSpool() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("spool.jsonl").path
    let primary = try FlakyStore(path: directory.appendingPathComponent("db.sqlite").path)
    let first = try SpoolingConversationStore(primary: primary, spoolPath: path)
    _ = first
    #expect(throws: StorageError.self) { try SpoolingConversationStore(primary: primary, spoolPath: path) }
}

private func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("spool-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A SQLite store whose spooled operations can fail like a lost PostgreSQL connection.
private final class FlakyStore: ConversationStore, @unchecked Sendable {
    enum Mode { case up, down, commitThenFail }
    private let base: SQLiteConversationStore
    private let lock = NSLock()
    private var storedMode = Mode.up
    var mode: Mode {
        get { lock.withLock { storedMode } }
        set { lock.withLock { storedMode = newValue } }
    }

    init(path: String) throws { base = try SQLiteConversationStore(path: path) }

    private func guarded<T>(_ body: () throws(StorageError) -> T) throws(StorageError) -> T {
        switch mode {
        case .up: return try body()
        case .down: throw .connectionLost("simulated outage")
        case .commitThenFail:
            _ = try body()
            mode = .down
            throw .connectionLost("simulated loss after commit")
        }
    }

    func startConversation(_ c: Conversation) throws(StorageError) -> Conversation { try guarded { () throws(StorageError) in try base.startConversation(c) } }
    func endConversation(id: UUID, status: ConversationStatus, at time: Date) throws(StorageError) {
        try guarded { () throws(StorageError) in try base.endConversation(id: id, status: status, at: time) }
    }
    func appendMessage(_ m: Message) throws(StorageError) -> Message { try guarded { () throws(StorageError) in try base.appendMessage(m) } }
    func recordFeedback(_ f: Feedback) throws(StorageError) -> Feedback { try guarded { () throws(StorageError) in try base.recordFeedback(f) } }
    func conversation(id: UUID) throws(StorageError) -> Conversation? { try guarded { () throws(StorageError) in try base.conversation(id: id) } }
    func conversations(since: Date?, limit: Int?) throws(StorageError) -> [Conversation] {
        try guarded { () throws(StorageError) in try base.conversations(since: since, limit: limit) }
    }
    func messages(conversationID: UUID) throws(StorageError) -> [Message] {
        try guarded { () throws(StorageError) in try base.messages(conversationID: conversationID) }
    }
    func messages(since: Date?, limit: Int?) throws(StorageError) -> [Message] { try base.messages(since: since, limit: limit) }
    func feedback(since: Date?) throws(StorageError) -> [Feedback] { try base.feedback(since: since) }
    func feedback(messageID: UUID) throws(StorageError) -> [Feedback] { try base.feedback(messageID: messageID) }
    func saveModelVersion(_ v: ModelVersion) throws(StorageError) { try base.saveModelVersion(v) }
    func modelVersion(id: String) throws(StorageError) -> ModelVersion? { try base.modelVersion(id: id) }
    func modelVersions() throws(StorageError) -> [ModelVersion] { try base.modelVersions() }
    func activateModelVersion(id: String) throws(StorageError) { try base.activateModelVersion(id: id) }
    func setModelVersionStatus(id: String, status: ModelVersionStatus) throws(StorageError) {
        try base.setModelVersionStatus(id: id, status: status)
    }
    func deleteModelVersion(id: String) throws(StorageError) { try base.deleteModelVersion(id: id) }
    func enqueueTicket(sourceFile: String, sourceLine: Int, payload: String, at time: Date) throws(StorageError) -> Ticket {
        try base.enqueueTicket(sourceFile: sourceFile, sourceLine: sourceLine, payload: payload, at: time)
    }
    func claimTickets(worker: String, limit: Int, lease: TimeInterval, at time: Date) throws(StorageError) -> [Ticket] {
        try base.claimTickets(worker: worker, limit: limit, lease: lease, at: time)
    }
    func completeTicket(id: Int64, worker: String, resultJSON: String, at time: Date) throws(StorageError) {
        try base.completeTicket(id: id, worker: worker, resultJSON: resultJSON, at: time)
    }
    func failTicket(id: Int64, worker: String, error: String, maxAttempts: Int, at time: Date) throws(StorageError) {
        try base.failTicket(id: id, worker: worker, error: error, maxAttempts: maxAttempts, at: time)
    }
    func tickets(status: TicketStatus?) throws(StorageError) -> [Ticket] { try base.tickets(status: status) }
    func appliedMigrations() throws(StorageError) -> [Int] { try base.appliedMigrations() }
}
