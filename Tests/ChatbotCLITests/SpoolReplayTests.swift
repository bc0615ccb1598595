// The end of a chat during a database outage (issue 11, part 4): the conversation's close is
// spooled, replayed on exit if the database is back within the wait, and otherwise reported
// with the number of operations left and the spool's path.
import Dialogue
import FileFormats
import ChatbotCLI
import ConversationStorage
import Foundation
import Testing
import TestSupport

private let demoIntents = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("intents")

/// A chat of `lines` through a spooling store whose database goes down after the first turn.
private func chatThroughAnOutage(_ lines: [String], in directory: URL) throws -> (FlakyConversationStore, SpoolingConversationStore) {
    let catalog = try IntentCatalog.load(from: demoIntents)
    let database = try FlakyConversationStore(path: directory.appendingPathComponent("db.sqlite").path)
    let store = try SpoolingConversationStore(primary: database, spoolPath: directory.appendingPathComponent("spool.jsonl").path,
                                              backoff: 0.01...0.05)
    let engine = DialogueEngine(catalog: catalog, understanding: ExampleMatchingUnderstanding(catalog: catalog), store: store)
    let session = ChatSession(engine: engine, style: .lines, verbose: false, colour: false, output: { _ in }, notice: { _ in })
    var remaining = lines[...]
    session.run(prompt: "") { _ in
        if remaining.count < lines.count { database.mode = .down }
        return remaining.popFirst()
    }
    return (database, store)
}

@Test func aChatEndedDuringAnOutageIsClosedOnExitWhenTheDatabaseComesBack() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spool-exit-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let (database, store) = try chatThroughAnOutage(["hello", "what are your opening hours?"], in: directory)
    #expect(store.pendingCount == 3, "the second turn's two messages and the close wait in the spool")

    let notice = try #require(SpoolReplay.finish(store, timeout: 0.1))
    #expect(notice.hasPrefix("3 operations left in the spool at \(directory.standardizedFileURL.path)/spool.jsonl"))
    #expect(notice.contains("did not come back within 0.1 s"))

    database.mode = .up
    #expect(SpoolReplay.finish(store, timeout: 1) == nil, "nothing left, nothing to say")
    let conversation = try #require(try database.conversations(since: nil, limit: nil).first)
    #expect(conversation.status == .closed)
    #expect(try database.messages(conversationID: conversation.id).count == 4)
}
