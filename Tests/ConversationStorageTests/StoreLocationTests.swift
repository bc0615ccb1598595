// Tests of StoreLocation: which database the flags and CHATBOT_DATABASE_URL select, and that
// descriptions never show a password.
import ConversationStorage
import Testing

@Test func flagsWinOverTheEnvironmentAndSQLiteIsTheDefault() throws {
    let env = ["CHATBOT_DATABASE_URL": "postgres://env@h/db"]
    #expect(try StoreLocation.resolve(databasePath: nil, databaseURL: nil, environment: [:]) == .sqlite(path: "./.chatbot/chatbot.sqlite"))
    #expect(try StoreLocation.resolve(databasePath: nil, databaseURL: nil, environment: env) == .postgres(url: "postgres://env@h/db"))
    #expect(try StoreLocation.resolve(databasePath: "a.sqlite", databaseURL: nil, environment: env) == .sqlite(path: "a.sqlite"))
    #expect(try StoreLocation.resolve(databasePath: nil, databaseURL: "postgresql://u@h/x", environment: env) == .postgres(url: "postgresql://u@h/x"))
    #expect(try StoreLocation.resolve(databasePath: nil, databaseURL: nil, environment: ["CHATBOT_DATABASE_URL": ""]) == .sqlite(path: "./.chatbot/chatbot.sqlite"))
}

@Test func conflictingOrMalformedSelectionsAreRejected() {
    #expect(throws: StorageError.self) { try StoreLocation.resolve(databasePath: "a", databaseURL: "postgres://h/x", environment: [:]) }
    #expect(throws: StorageError.self) { try StoreLocation.resolve(databasePath: nil, databaseURL: "mysql://h/x", environment: [:]) }
    #expect(throws: StorageError.self) { try StoreLocation.resolve(databasePath: nil, databaseURL: nil, environment: ["CHATBOT_DATABASE_URL": "h:5432"]) }
}

@Test func descriptionsHideThePassword() {
    let text = StoreLocation.postgres(url: "postgres://bot:s3cret@db:5432/chatbot").description
    #expect(!text.contains("s3cret"))
    #expect(text.contains("db:5432/chatbot"))
    #expect(StoreLocation.sqlite(path: "x.sqlite").description == "SQLite x.sqlite")
}

@Test func anUnreachableServerIsOneConnectionFailure() {
    do {
        _ = try StoreLocation.postgres(url: "postgres://u:pw@127.0.0.1:1/x?connect_timeout=2").open()
        Issue.record("opened a store on port 1")
    } catch {
        #expect(error.isConnectionFailure)
        #expect(!error.message.contains("pw@"))
        #expect(!error.message.contains("\n"))
    }
}
