// `chatbot transcripts import` with plain-text and CSV files in-process: the format flags,
// speaker names and column names reach the reader, and bad speaker names are refused.
import ArgumentParser
import ChatbotCLI
import ConversationStorage
import Foundation
import Testing

@Test func speakerNamesMustBeUsableAndDistinct() {
    #expect(parseErrorMessage(["transcripts", "import", "a.txt", "--customer-label", "Kunde:"])
        == "A speaker name must be non-empty and without \":\" (got \"Kunde:\").")
    #expect(parseErrorMessage(["transcripts", "import", "a.txt", "--customer-label", "Anna", "--agent-label", "anna"])
        == "\"anna\" cannot name both the customer and an agent.")
    #expect(parseErrorMessage(["transcripts", "import", "a.txt", "--transcript-format", "xml"])?.contains("xml") == true)
    #expect(parseErrorMessage(["transcripts", "import", "log", "--transcript-format", "text", "--customer-label", "Kunde"]) == nil)
}

@Test func plainTextAndCSVImportWithTheirFlags() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("transcripts-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let log = folder.appendingPathComponent("chat-log")
    try "Kunde: Wo ist mein Paket?\nSupport: Es kommt morgen.\n\nKunde: Danke!\n".write(to: log, atomically: true, encoding: .utf8)
    let csv = folder.appendingPathComponent("export.csv")
    try "ticket,speaker,body\nT1,user,refund please\nT1,assistant,Done.\n".write(to: csv, atomically: true, encoding: .utf8)
    let database = folder.appendingPathComponent("db.sqlite").path
    var text = try ChatbotCommand.parseAsRoot([
        "transcripts", "import", log.path, "--transcript-format", "text", "--customer-label", "Kunde", "--agent-label", "Support",
        "--database", database])
    try text.run()
    var table = try ChatbotCommand.parseAsRoot([
        "transcripts", "import", csv.path, "--customer-label", "user", "--agent-label", "assistant",
        "--transcript-id-column", "ticket", "--transcript-role-column", "speaker", "--transcript-text-column", "body",
        "--database", database])
    try table.run()
    let store = try SQLiteConversationStore(path: database)
    let references = try store.conversations(since: nil, limit: nil).compactMap(\.customerRef).sorted()
    #expect(references == ["transcript:chat:T1", "transcript:chat:chat-log:1", "transcript:chat:chat-log:4"])
    #expect(try store.messages(since: nil, limit: nil).map(\.text).sorted()
        == ["Danke!", "Done.", "Es kommt morgen.", "Wo ist mein Paket?", "refund please"])
    // Without the names, the log's first line names no speaker: exit status 1, nothing more stored.
    var plain = try ChatbotCommand.parseAsRoot(["transcripts", "import", log.path, "--transcript-format", "text", "--database", database])
    #expect(throws: ExitCode.failure) { try plain.run() }
}
