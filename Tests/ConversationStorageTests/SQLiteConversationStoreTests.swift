// SQLite specifics: the folder is created, WAL and foreign keys are on, `$n` placeholders map
// to SQLite's numbered `?n`.
import ConversationStorage
import Foundation
import Testing

@Test func openingCreatesTheFolderAndUsesWAL() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("sqlite-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let path = root.appendingPathComponent(".chatbot/chatbot.sqlite").path
    let store = try SQLiteConversationStore(path: path)
    try store.startConversation(Conversation())
    #expect(FileManager.default.fileExists(atPath: path))
    #expect(FileManager.default.fileExists(atPath: path + "-wal"))
    let mode = try store.withDatabase { (db) throws(StorageError) in try db.query("PRAGMA journal_mode", []) }
    #expect(try mode.first?.string(0) == "wal")
    let keys = try store.withDatabase { (db) throws(StorageError) in try db.query("PRAGMA foreign_keys", []) }
    #expect(try keys.first?.int64(0) == 1)
    #expect(SQLiteConversationStore.defaultPath == "./.chatbot/chatbot.sqlite")
}

@Test func dollarPlaceholdersBecomeNumberedQuestionMarks() {
    #expect(SQLiteConnection.numberedPlaceholders("SELECT $2, $1, $10 WHERE x = $1") == "SELECT ?2, ?1, ?10 WHERE x = ?1")
}

@Test func sqliteErrorsCarryTheResultCodeAndMessage() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("sqlite-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let store = try SQLiteConversationStore(path: root.appendingPathComponent("db.sqlite").path)
    let error = #expect(throws: StorageError.self) {
        try store.withDatabase { (db) throws(StorageError) in try db.query("SELECT * FROM no_such_table", []) }
    }
    #expect(error?.sqliteCode == 1)
    #expect(error?.message.contains("no such table") == true)
}
