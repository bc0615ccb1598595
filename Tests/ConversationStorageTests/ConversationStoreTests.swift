// Runs the one ConversationStore conformance suite against every backend: SQLite (temp files),
// PostgreSQL and PostgreSQL behind the spool (private schemas; skipped without a server, failed under CI).
import ConversationStorage
import Testing
import TestSupport

/// The suite for `backend`, or nil when its server is not configured.
private func conformance(_ backend: StoreBackend, test: String = #function,
                         sourceLocation: SourceLocation = #_sourceLocation) throws -> ConversationStoreConformance? {
    try StoreFixture.make(backend, test: "\(test) [\(backend)]", sourceLocation: sourceLocation)
        .map(ConversationStoreConformance.init(fixture:))
}

private func checkMigrationsApplyFromEmptyAndReopeningIsIdempotent(_ backend: StoreBackend) throws {
    try conformance(backend)?.checkMigrationsFromEmptyAndReopen()
}

private func checkConversationsMessagesAndFeedbackRoundTrip(_ backend: StoreBackend) throws {
    try conformance(backend)?.checkConversationsMessagesAndFeedbackRoundTrip()
}

private func checkModelVersionsRoundTripAndOnlyOneIsActive(_ backend: StoreBackend) throws {
    try conformance(backend)?.checkModelVersionsRoundTrip()
}

private func checkPersonalDataIsRedactedBeforeStorage(_ backend: StoreBackend) throws {
    try conformance(backend)?.checkRedactionBeforeStorage()
}

private func checkEightWritersOfAThousandTurnsLoseAndDuplicateNothing(_ backend: StoreBackend) throws {
    try conformance(backend)?.checkConcurrentWritersLoseNothing(writers: 8, turns: 1_000)
}

private func checkRegistryMigrationKeepsTheFirstSchemasVersions(_ backend: StoreBackend) throws {
    try conformance(backend)?.checkRegistryMigrationKeepsTheFirstSchemasVersions()
}

private func checkConcurrentRetriesOfOneMessageStoreItOnce(_ backend: StoreBackend) throws {
    try conformance(backend)?.checkConcurrentRetriesOfOneMessageStoreItOnce()
}

private func checkTicketClaimsNeverOverlapAndNeedTheLease(_ backend: StoreBackend) throws {
    try conformance(backend)?.checkTicketQueue()
}

private func checkHostileAndHugeTextsAreStoredNotExecuted(_ backend: StoreBackend) throws {
    try conformance(backend)?.checkHostileTextsAreStoredNotExecuted()
}

private func checkSessionsCompareAndSetAndAreRedacted(_ backend: StoreBackend) throws {
    try conformance(backend)?.checkSessionsCompareAndSetAndRedact()
}

private func checkTurnsAreStoredWholeOrNotAtAll(_ backend: StoreBackend) throws {
    try conformance(backend)?.checkTurnsAreStoredWholeOrNotAtAll()
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

/// SQLite: always runs.
@Suite struct SQLiteStoreConformanceTests {
    @Test func migrationsApplyFromEmptyAndReopeningIsIdempotent() throws { try checkMigrationsApplyFromEmptyAndReopeningIsIdempotent(.sqlite) }
    @Test func conversationsMessagesAndFeedbackRoundTrip() throws { try checkConversationsMessagesAndFeedbackRoundTrip(.sqlite) }
    @Test func modelVersionsRoundTripAndOnlyOneIsActive() throws { try checkModelVersionsRoundTripAndOnlyOneIsActive(.sqlite) }
    @Test func personalDataIsRedactedBeforeStorage() throws { try checkPersonalDataIsRedactedBeforeStorage(.sqlite) }
    @Test func eightWritersOfAThousandTurnsLoseAndDuplicateNothing() throws { try checkEightWritersOfAThousandTurnsLoseAndDuplicateNothing(.sqlite) }
    @Test func concurrentRetriesOfOneMessageStoreItOnce() throws { try checkConcurrentRetriesOfOneMessageStoreItOnce(.sqlite) }
    @Test func ticketClaimsNeverOverlapAndNeedTheLease() throws { try checkTicketClaimsNeverOverlapAndNeedTheLease(.sqlite) }
    @Test func hostileAndHugeTextsAreStoredNotExecuted() throws { try checkHostileAndHugeTextsAreStoredNotExecuted(.sqlite) }
    @Test func registryMigrationKeepsTheFirstSchemasVersions() throws { try checkRegistryMigrationKeepsTheFirstSchemasVersions(.sqlite) }
    @Test func sessionsCompareAndSetAndAreRedacted() throws { try checkSessionsCompareAndSetAndAreRedacted(.sqlite) }
    @Test func turnsAreStoredWholeOrNotAtAll() throws { try checkTurnsAreStoredWholeOrNotAtAll(.sqlite) }
}

/// PostgreSQL: skipped without CHATBOT_TEST_DATABASE_URL; under CI=true it must be set, or these fail.
@Suite(.enabled(if: PostgresTestDatabase.isEnabled, "CHATBOT_TEST_DATABASE_URL is unset"))
struct PostgreSQLStoreConformanceTests {
    @Test(arguments: [StoreBackend.postgres, .spoolingPostgres])
    func migrationsApplyFromEmptyAndReopeningIsIdempotent(_ backend: StoreBackend) throws { try checkMigrationsApplyFromEmptyAndReopeningIsIdempotent(backend) }
    @Test(arguments: [StoreBackend.postgres, .spoolingPostgres])
    func conversationsMessagesAndFeedbackRoundTrip(_ backend: StoreBackend) throws { try checkConversationsMessagesAndFeedbackRoundTrip(backend) }
    @Test(arguments: [StoreBackend.postgres, .spoolingPostgres])
    func modelVersionsRoundTripAndOnlyOneIsActive(_ backend: StoreBackend) throws { try checkModelVersionsRoundTripAndOnlyOneIsActive(backend) }
    @Test(arguments: [StoreBackend.postgres, .spoolingPostgres])
    func personalDataIsRedactedBeforeStorage(_ backend: StoreBackend) throws { try checkPersonalDataIsRedactedBeforeStorage(backend) }
    @Test func eightWritersOfAThousandTurnsLoseAndDuplicateNothing() throws { try checkEightWritersOfAThousandTurnsLoseAndDuplicateNothing(.postgres) }
    @Test func concurrentRetriesOfOneMessageStoreItOnce() throws { try checkConcurrentRetriesOfOneMessageStoreItOnce(.postgres) }
    @Test func ticketClaimsNeverOverlapAndNeedTheLease() throws { try checkTicketClaimsNeverOverlapAndNeedTheLease(.postgres) }
    @Test(arguments: [StoreBackend.postgres, .spoolingPostgres])
    func hostileAndHugeTextsAreStoredNotExecuted(_ backend: StoreBackend) throws { try checkHostileAndHugeTextsAreStoredNotExecuted(backend) }
    @Test func registryMigrationKeepsTheFirstSchemasVersions() throws { try checkRegistryMigrationKeepsTheFirstSchemasVersions(.postgres) }
    @Test(arguments: [StoreBackend.postgres, .spoolingPostgres])
    func sessionsCompareAndSetAndAreRedacted(_ backend: StoreBackend) throws { try checkSessionsCompareAndSetAndAreRedacted(backend) }
    @Test(arguments: [StoreBackend.postgres, .spoolingPostgres])
    func turnsAreStoredWholeOrNotAtAll(_ backend: StoreBackend) throws { try checkTurnsAreStoredWholeOrNotAtAll(backend) }
    @Test func turnsSurviveKilledPostgresConnectionsExactlyOnce() throws { try conformance(.spoolingPostgres)?.checkTurnsSurviveKilledConnections() }
}
