// One request at a time per conversation within a replica: a second message to the same
// conversation waits for the first to be stored, so turns keep their order. (Across replicas
// the session revision is the guard.)
import Foundation

/// Per-conversation mutual exclusion for async code.
actor ConversationLocks {
    private var held: Set<UUID> = []
    private var waiting: [UUID: [CheckedContinuation<Void, Never>]] = [:]

    /// Runs `body` while holding the lock of `id`.
    nonisolated func withLock<T: Sendable>(_ id: UUID, _ body: @Sendable () async throws -> T) async throws -> T {
        await acquire(id)
        do {
            let value = try await body()
            await release(id)
            return value
        } catch {
            await release(id)
            throw error
        }
    }

    private func acquire(_ id: UUID) async {
        if held.insert(id).inserted { return }
        await withCheckedContinuation { waiting[id, default: []].append($0) }
    }

    private func release(_ id: UUID) {
        if var queue = waiting[id], !queue.isEmpty {
            let next = queue.removeFirst()
            waiting[id] = queue.isEmpty ? nil : queue
            next.resume()  // the lock passes straight to the next waiter
        } else {
            held.remove(id)
        }
    }
}
