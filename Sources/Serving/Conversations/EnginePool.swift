// A few dialogue engines, each with its own loaded model and store connection, lent out one
// request at a time; their blocking work (model, database) runs on Dispatch threads so that
// it never holds up Swift concurrency's small cooperative pool.
import Dispatch
import Dialogue

/// Lends engines to requests; a request waits when all are busy.
actor EnginePool {
    private var idle: [DialogueEngine]
    private var waiting: [CheckedContinuation<DialogueEngine, Never>] = []

    /// A pool of `engines` (at least one).
    init(engines: [DialogueEngine]) {
        precondition(!engines.isEmpty, "an engine pool needs an engine")
        idle = engines
    }

    /// Runs `body` with an engine of its own, on a Dispatch thread.
    nonisolated func withEngine<T: Sendable>(_ body: @escaping @Sendable (DialogueEngine) throws -> T) async throws -> T {
        let engine = await checkOut()
        do {
            let value = try await Blocking.run { try body(engine) }
            await checkIn(engine)
            return value
        } catch {
            await checkIn(engine)
            throw error
        }
    }

    private func checkOut() async -> DialogueEngine {
        if let engine = idle.popLast() { return engine }
        return await withCheckedContinuation { waiting.append($0) }
    }

    private func checkIn(_ engine: DialogueEngine) {
        if waiting.isEmpty { idle.append(engine) } else { waiting.removeFirst().resume(returning: engine) }
    }
}

/// Runs blocking work (the model, the database) off the cooperative thread pool.
enum Blocking {
    private static let queue = DispatchQueue(label: "chatbot.serving.blocking", attributes: .concurrent)

    /// The result of `body`, run on a Dispatch thread.
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }
}
