// `chatbot chat` in piped mode, driven in-process: one message per line in, one reply (or JSON
// object) per line out, commands acknowledged on the notice stream, every turn in the store.
import ArgumentParser
import ChatbotCLI
import ConversationStorage
import Dialogue
import FileFormats
import Foundation
import Testing

private final class Lines: @unchecked Sendable {
    var output: [String] = []
    var notices: [String] = []
}

private let demoIntents = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("intents")

/// Runs `input` through a session in `style` over a fresh SQLite store.
private func chat(_ input: [String], style: ChatSession.Style) throws -> (Lines, any ConversationStore, DialogueEngine) {
    let catalog = try IntentCatalog.load(from: demoIntents)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("chat-cli-\(UUID().uuidString)/c.sqlite").path
    let store = try SQLiteConversationStore(path: path, fsyncEveryCommit: false)
    let engine = DialogueEngine(catalog: catalog, understanding: ExampleMatchingUnderstanding(catalog: catalog), store: store)
    let lines = Lines()
    let session = ChatSession(engine: engine, style: style, verbose: true, colour: true,
                              output: { lines.output.append($0) }, notice: { lines.notices.append($0) })
    var remaining = input[...]
    session.run(prompt: "") { _ in remaining.popFirst() }
    return (lines, store, engine)
}

@Test func pipedJSONConversationAsksForTheOrderNumberThenUsesIt() throws {
    let input = ["hello", "where is my order?", "sure, it's 48213377", "/good", "",
                 "This is unacceptable!!! Worst service ever, I am furious"]
    let (lines, store, _) = try chat(input, style: .jsonLines)
    #expect(lines.output.count == 4, "one line per customer message; commands and empty lines print none")
    let objects = try lines.output.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    for object in objects {
        for key in ["text", "intent", "confidence", "entities", "sentiment", "reply_source", "handed_off"] {
            #expect(object.keys.contains(key), "missing \(key)")
        }
    }
    #expect(objects[0]["intent"] as? String == "greeting")
    #expect(objects[1]["move"] as? String == "ask_slot")
    #expect((objects[1]["text"] as? String)?.contains("order number") == true)
    #expect(objects[2]["intent"] as? String == "order_status")
    #expect((objects[2]["text"] as? String)?.contains("48213377") == true)
    let entities = try #require(objects[2]["entities"] as? [[String: String]])
    #expect(entities.first?["kind"] == "order_id")
    #expect(objects[3]["handed_off"] as? Bool == true)
    #expect((objects[3]["sentiment"] as? [String: Any])?["label"] as? String == "negative")
    #expect(lines.notices.contains { $0.contains("rated the last reply good") })

    let conversation = try #require(try store.conversations(since: nil, limit: nil).first)
    #expect(conversation.status == .handedOff)
    let messages = try store.messages(conversationID: conversation.id)
    #expect(messages.count == 8)
    #expect(messages.filter { $0.role == .customer }.allSatisfy { $0.intent != nil && $0.sentimentLabel != nil })
    #expect(try store.feedback(since: nil).map(\.value) == ["up"])
    #expect(lines.output.allSatisfy { !$0.contains("\u{1B}") }, "no colour outside the terminal")
}

@Test func pipedPlainModePrintsOneReplyPerLineAndDetailsAsNotices() throws {
    let (lines, store, engine) = try chat(["hi", "what are your opening hours?", "/quit", "never read"], style: .lines)
    #expect(lines.output.count == 2)
    #expect(lines.output[0].contains("Ridgeline"))
    #expect(lines.notices.filter { $0.contains(" ms") }.count == 2, "--verbose details, one per reply")
    #expect(engine.conversationID == nil, "the session ends its conversation")
    let conversation = try #require(try store.conversations(since: nil, limit: nil).first)
    #expect(conversation.status == .closed)
    #expect(conversation.messageCount == 4)
}

@Test func terminalStyleLabelsRepliesAndAnnouncesAHandoff() throws {
    let (lines, _, _) = try chat(["I want to talk to a human"], style: .terminal)
    #expect(lines.output.first?.contains("bot ›") == true)
    #expect(lines.output.contains { $0.contains("handed off to a human") })
    #expect(lines.output.first?.contains("\u{1B}[") == true, "colour on the terminal when asked for")
}

@Test func chatHelpMatchesSnapshot() throws {
    let command = try ChatbotCommand.parseAsRoot(["chat"])
    try expectSnapshot(ChatbotCommand.helpMessage(for: type(of: command), columns: 100), named: "chat-help.txt")
}

@Test func chatRejectsBothDatabaseFlags() {
    #expect(parseErrorMessage(["chat", "--database", "a.sqlite", "--database-url", "postgres://h/db"])
        == "Give either --database PATH or --database-url URL, not both.")
    #expect((try? ChatbotCommand.parseAsRoot(["chat", "--intents", "x", "--model", "m", "--json", "--verbose", "--no-color"])) != nil)
}
