// The spool without a server: a SQLite store that can be "down" (or commit and then report a
// lost connection) stands in for PostgreSQL, so replay order, exactly-once, restart and torn
// lines are checked on every machine. The live outage check is in ConversationStoreTests.
import ConversationStorage
import Foundation
import Testing
import TestSupport

@Test func writesDuringAnOutageAreSpooledAndReplayedInOrderOnce() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let flaky = try FlakyConversationStore(path: directory.appendingPathComponent("db.sqlite").path)
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
        let flaky = try FlakyConversationStore(path: databasePath)
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
        primary: try FlakyConversationStore(path: databasePath), spoolPath: spoolPath, backoff: 0...0)
    #expect(restarted.pendingCount == 0)
    #expect(try restarted.messages(conversationID: conversationID).map(\.text) == (0..<5).map { "turn \($0)" })
}

@Test func aSecondProcessCannotShareTheSpool() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("spool.jsonl").path
    let primary = try FlakyConversationStore(path: directory.appendingPathComponent("db.sqlite").path)
    let first = try SpoolingConversationStore(primary: primary, spoolPath: path)
    _ = first
    #expect(throws: StorageError.self) { try SpoolingConversationStore(primary: primary, spoolPath: path) }
}

private func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("spool-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
