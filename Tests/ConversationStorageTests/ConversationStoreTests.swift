// Runs the one ConversationStore conformance suite against every backend: SQLite (temp files),
// PostgreSQL and PostgreSQL behind the spool (private schemas; skipped loudly without a server).
import ConversationStorage
import Testing
import TestSupport

/// The suite for `backend`, or nil when its server is not configured.
private func conformance(_ backend: StoreBackend, test: String = #function,
                         sourceLocation: SourceLocation = #_sourceLocation) throws -> ConversationStoreConformance? {
    try StoreFixture.make(backend, test: "\(test) [\(backend)]", sourceLocation: sourceLocation)
        .map(ConversationStoreConformance.init(fixture:))
}

@Test(arguments: StoreBackend.allCases)
func migrationsApplyFromEmptyAndReopeningIsIdempotent(_ backend: StoreBackend) throws {
    try conformance(backend)?.checkMigrationsFromEmptyAndReopen()
}

@Test(arguments: StoreBackend.allCases)
func conversationsMessagesAndFeedbackRoundTrip(_ backend: StoreBackend) throws {
    try conformance(backend)?.checkConversationsMessagesAndFeedbackRoundTrip()
}

@Test(arguments: StoreBackend.allCases)
func modelVersionsRoundTripAndOnlyOneIsActive(_ backend: StoreBackend) throws {
    try conformance(backend)?.checkModelVersionsRoundTrip()
}

@Test(arguments: StoreBackend.allCases)
func personalDataIsRedactedBeforeStorage(_ backend: StoreBackend) throws {
    try conformance(backend)?.checkRedactionBeforeStorage()
}

@Test(arguments: [StoreBackend.sqlite, .postgres])
func eightWritersOfAThousandTurnsLoseAndDuplicateNothing(_ backend: StoreBackend) throws {
    try conformance(backend)?.checkConcurrentWritersLoseNothing(writers: 8, turns: 1_000)
}

@Test(arguments: [StoreBackend.sqlite, .postgres])
func ticketClaimsNeverOverlapAndNeedTheLease(_ backend: StoreBackend) throws {
    try conformance(backend)?.checkTicketQueue()
}

@Test(arguments: StoreBackend.allCases)
func hostileAndHugeTextsAreStoredNotExecuted(_ backend: StoreBackend) throws {
    try conformance(backend)?.checkHostileTextsAreStoredNotExecuted()
}

@Test func turnsSurviveKilledPostgresConnectionsExactlyOnce() throws {
    try conformance(.spoolingPostgres)?.checkTurnsSurviveKilledConnections()
}

@Test func anUnreachableServerGivesOneClearError() {
    let error = #expect(throws: StorageError.self) {
        try PostgresConversationStore(url: "postgres://chatbot:secret@127.0.0.1:1/chatbot")
    }
    #expect(error?.isConnectionFailure == true)
    let text = error?.description ?? ""
    #expect(text.contains("cannot connect to PostgreSQL at postgres://chatbot:***@127.0.0.1:1/chatbot"))
    #expect(!text.contains("secret") && !text.contains("\n"))
}
