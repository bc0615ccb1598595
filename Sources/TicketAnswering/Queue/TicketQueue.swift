// The work queue for many machines, on the store's `tickets` table: enqueue ticket files
// (idempotent by file and record), let workers claim batches under a lease (`FOR UPDATE SKIP
// LOCKED` on PostgreSQL; an expired lease is claimed again) and complete them only while they
// hold the lease — so every ticket is answered exactly once, even when a worker dies — and
// collect the results in enqueue order.
import ConversationStorage
import Foundation

/// Enqueues, works and collects tickets through a conversation store.
public struct TicketQueue: Sendable {
    /// The store holding the queue.
    public let store: any ConversationStore
    /// Tickets claimed at once.
    public var batchSize = 32
    /// How long a claim lasts; a worker that has not completed by then loses its tickets.
    public var lease: TimeInterval = 60
    /// Attempts before a ticket whose analysis keeps failing is marked failed.
    public var maxAttempts = 3

    /// A queue in `store`.
    public init(store: any ConversationStore) { self.store = store }

    /// Enqueues every ticket of `source`; failures are passed on. Returns (enqueued, failed).
    public func enqueue(_ source: any TicketSource, failure: (TicketReadFailure) throws -> Void) throws -> (Int, Int) {
        var counts = (0, 0)
        while let item = try source.next() {
            switch item {
            case let .failure(problem):
                counts.1 += 1
                try failure(problem)
            case let .ticket(ticket):
                let location = ticket.location
                do {
                    try store.enqueueTicket(sourceFile: location.file, sourceLine: location.line ?? location.byteOffset ?? 0,
                                            payload: TicketPayload.encode(ticket), at: Date())
                } catch {
                    throw TicketAnsweringError("cannot enqueue \(location): \(error.message)")
                }
                counts.0 += 1
            }
        }
        return counts
    }

    /// Claims and answers batches as `worker` until no ticket is queued or claimed by another
    /// worker (or, with `follow`, until `shouldStop`), completing each ticket while holding its
    /// lease. Returns the tickets completed.
    public func work(as worker: String, runner: TicketBatchRunner, follow: Bool = false, pollInterval: TimeInterval = 1,
                     shouldStop: () -> Bool = { false }, answered: ([TicketAnswer]) -> Void = { _ in }) throws -> Int {
        var completed = 0
        while !shouldStop() {
            let claimed: [Ticket]
            do {
                claimed = try store.claimTickets(worker: worker, limit: batchSize, lease: lease, at: Date())
            } catch {
                throw TicketAnsweringError("cannot claim tickets: \(error.message)")
            }
            if claimed.isEmpty {
                // Tickets another worker holds may come back when its lease runs out (it died).
                guard follow || (try? store.tickets(status: .claimed).isEmpty) == false else { break }
                Thread.sleep(forTimeInterval: pollInterval)
                continue
            }
            completed += try answer(claimed, as: worker, runner: runner, answered: answered)
        }
        return completed
    }

    /// Answers one claimed batch; returns how many were completed under this worker's lease.
    private func answer(_ claimed: [Ticket], as worker: String, runner: TicketBatchRunner,
                        answered: ([TicketAnswer]) -> Void) throws -> Int {
        var rows: [TicketLocation: Int64] = [:]
        var requests: [TicketRequest] = []
        for row in claimed {
            guard var ticket = TicketPayload.decode(row.payload) else {
                try? store.failTicket(id: row.id, worker: worker, error: "payload is not a ticket", maxAttempts: 1, at: Date())
                continue
            }
            ticket.location = TicketLocation(file: "queue", line: Int(row.id))
            rows[ticket.location] = row.id
            requests.append(ticket)
        }
        var completed = 0
        _ = try runner.run(sources: [TicketArraySource(requests)], write: { answers in
            var kept: [TicketAnswer] = []
            for answer in answers {
                guard let id = rows[answer.location] else { continue }
                do {
                    try store.completeTicket(id: id, worker: worker, resultJSON: TicketOutputFormat.json(answer), at: Date())
                    completed += 1
                    kept.append(answer)
                } catch let error as StorageError where error.isLeaseLost {
                    continue  // the lease ran out and another worker took the ticket: its answer counts
                }
            }
            answered(kept)
        }, failure: { problem in
            guard let id = problem.location.line.map(Int64.init) else { return }
            try? store.failTicket(id: id, worker: worker, error: problem.reason, maxAttempts: maxAttempts, at: Date())
        })
        return completed
    }

    /// The results of the done tickets in enqueue order, and the counts of the others by status.
    public func collect(_ write: (String) throws -> Void) throws -> [TicketStatus: Int] {
        let rows: [Ticket]
        do { rows = try store.tickets(status: nil) } catch { throw TicketAnsweringError("cannot read the queue: \(error.message)") }
        var counts: [TicketStatus: Int] = [:]
        for row in rows {
            counts[row.status, default: 0] += 1
            if row.status == .done, let result = row.resultJSON { try write(result) }
        }
        return counts
    }
}

/// Tickets already in memory (a claimed batch) as a source.
final class TicketArraySource: TicketSource {
    private var tickets: IndexingIterator<[TicketRequest]>

    init(_ tickets: [TicketRequest]) { self.tickets = tickets.makeIterator() }

    func next() throws -> TicketSourceItem? { tickets.next().map(TicketSourceItem.ticket) }
}
