// The work queue on SQLite: enqueuing twice stores each ticket once, workers answer every ticket
// exactly once, a dead worker's expired lease is taken over, and collect keeps enqueue order.
import ConversationStorage
import Foundation
import Testing
import TestSupport
import TicketAnswering

private func enqueued(_ count: Int, store: any ConversationStore) throws -> TicketQueue {
    var csv = "id,body\n"
    for index in 0..<count { csv += "Q\(index),\(index % 2 == 0 ? "I want to return this" : "reset my password") \(index)\n" }
    let folder = try TestFixtures.folder(["q.csv": csv])
    defer { try? FileManager.default.removeItem(at: folder) }
    let queue = TicketQueue(store: store)
    for _ in 0..<2 {
        let source = try TicketInputFormat.open(folder.appendingPathComponent("q.csv").path, format: nil, fields: TicketFields())
        let (done, failed) = try queue.enqueue(source, failure: { _ in })
        #expect(done == count && failed == 0)
    }
    #expect(try store.tickets(status: nil).count == count)
    return queue
}

private func collected(_ queue: TicketQueue) throws -> [String] {
    var ids: [String] = []
    _ = try queue.collect { line in
        ids.append(((try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String) ?? "?")
    }
    return ids
}

@Test func workersAnswerEveryQueuedTicketExactlyOnce() throws {
    let fixture = try #require(try StoreFixture.make(.sqlite))
    let store = try fixture.makeStore()
    var queue = try enqueued(30, store: store)
    queue.batchSize = 4
    let workers = Workers(queue: queue, runners: try (0..<2).map { _ in
        TicketBatchRunner(analysers: [try TicketDomain.analyser()], batchSize: 4)
    })
    DispatchQueue.concurrentPerform(iterations: 2) { workers.work($0) }
    #expect(workers.total == 30)
    #expect(try collected(queue) == (0..<30).map { "Q\($0)" })
    #expect(try store.tickets(status: .done).allSatisfy { $0.attempts == 1 })
}

@Test func anExpiredLeaseOfADeadWorkerIsTakenOver() throws {
    let fixture = try #require(try StoreFixture.make(.sqlite))
    let store = try fixture.makeStore()
    let queue = try enqueued(5, store: store)
    // A worker claims three tickets and dies without completing them.
    let lost = try store.claimTickets(worker: "dead", limit: 3, lease: 0.05, at: Date())
    #expect(lost.count == 3)
    Thread.sleep(forTimeInterval: 0.1)
    let done = try queue.work(as: "alive", runner: TicketBatchRunner(analysers: [try TicketDomain.analyser()]))
    #expect(done == 5)
    #expect(try collected(queue) == (0..<5).map { "Q\($0)" })
    #expect(throws: StorageError.self) {
        try store.completeTicket(id: lost[0].id, worker: "dead", resultJSON: "{}", at: Date())
    }
}

/// Two in-process workers on one queue, each with its own runner (used from its own thread only).
private final class Workers: @unchecked Sendable {
    private let queue: TicketQueue
    private let runners: [TicketBatchRunner]
    private var completed = 0
    private let lock = NSLock()

    init(queue: TicketQueue, runners: [TicketBatchRunner]) {
        self.queue = queue
        self.runners = runners
    }

    func work(_ index: Int) {
        let count = (try? queue.work(as: "w\(index)", runner: runners[index], pollInterval: 0.05)) ?? -1000
        lock.withLock { completed += count }
    }

    var total: Int { lock.withLock { completed } }
}
