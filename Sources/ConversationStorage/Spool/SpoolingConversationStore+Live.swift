// The operations `SpoolingConversationStore` passes straight to the live database: reads,
// model versions and the ticket queue (a lease is meaningless without the shared database).
import Foundation

extension SpoolingConversationStore {
    public func conversation(id: UUID) throws(StorageError) -> Conversation? {
        try live { () throws(StorageError) in try primaryStore.conversation(id: id) }
    }
    public func conversations(since: Date?, limit: Int?) throws(StorageError) -> [Conversation] {
        try live { () throws(StorageError) in try primaryStore.conversations(since: since, limit: limit) }
    }
    public func messages(conversationID: UUID) throws(StorageError) -> [Message] {
        try live { () throws(StorageError) in try primaryStore.messages(conversationID: conversationID) }
    }
    public func messages(since: Date?, limit: Int?) throws(StorageError) -> [Message] {
        try live { () throws(StorageError) in try primaryStore.messages(since: since, limit: limit) }
    }
    public func feedback(since: Date?) throws(StorageError) -> [Feedback] {
        try live { () throws(StorageError) in try primaryStore.feedback(since: since) }
    }
    public func feedback(messageID: UUID) throws(StorageError) -> [Feedback] {
        try live { () throws(StorageError) in try primaryStore.feedback(messageID: messageID) }
    }
    public func saveSession(_ session: ConversationSession) throws(StorageError) -> Bool {
        try live { () throws(StorageError) in try primaryStore.saveSession(session) }
    }
    public func saveTurn(_ turn: SessionTurn) throws(StorageError) -> Bool {
        try live { () throws(StorageError) in try primaryStore.saveTurn(turn) }
    }
    public func session(conversationID: UUID) throws(StorageError) -> ConversationSession? {
        try live { () throws(StorageError) in try primaryStore.session(conversationID: conversationID) }
    }
    public func saveModelVersion(_ version: ModelVersion) throws(StorageError) {
        try live { () throws(StorageError) in try primaryStore.saveModelVersion(version) }
    }
    public func modelVersion(id: String) throws(StorageError) -> ModelVersion? {
        try live { () throws(StorageError) in try primaryStore.modelVersion(id: id) }
    }
    public func modelVersions() throws(StorageError) -> [ModelVersion] {
        try live { () throws(StorageError) in try primaryStore.modelVersions() }
    }
    public func activateModelVersion(id: String) throws(StorageError) {
        try live { () throws(StorageError) in try primaryStore.activateModelVersion(id: id) }
    }
    public func setModelVersionStatus(id: String, status: ModelVersionStatus) throws(StorageError) {
        try live { () throws(StorageError) in try primaryStore.setModelVersionStatus(id: id, status: status) }
    }
    public func deleteModelVersion(id: String) throws(StorageError) {
        try live { () throws(StorageError) in try primaryStore.deleteModelVersion(id: id) }
    }
    @discardableResult
    public func enqueueTicket(sourceFile: String, sourceLine: Int, payload: String, at time: Date) throws(StorageError)
        -> Ticket
    {
        try live { () throws(StorageError) in
            try primaryStore.enqueueTicket(sourceFile: sourceFile, sourceLine: sourceLine, payload: payload, at: time)
        }
    }
    public func claimTickets(worker: String, limit: Int, lease: TimeInterval, at time: Date) throws(StorageError)
        -> [Ticket]
    {
        try live { () throws(StorageError) in try primaryStore.claimTickets(worker: worker, limit: limit, lease: lease, at: time) }
    }
    public func completeTicket(id: Int64, worker: String, resultJSON: String, at time: Date) throws(StorageError) {
        try live { () throws(StorageError) in
            try primaryStore.completeTicket(id: id, worker: worker, resultJSON: resultJSON, at: time)
        }
    }
    public func failTicket(id: Int64, worker: String, error: String, maxAttempts: Int, at time: Date) throws(StorageError) {
        try live { () throws(StorageError) in
            try primaryStore.failTicket(id: id, worker: worker, error: error, maxAttempts: maxAttempts, at: time)
        }
    }
    public func tickets(status: TicketStatus?) throws(StorageError) -> [Ticket] {
        try live { () throws(StorageError) in try primaryStore.tickets(status: status) }
    }
    public func appliedMigrations() throws(StorageError) -> [Int] {
        try live { () throws(StorageError) in try primaryStore.appliedMigrations() }
    }
}
