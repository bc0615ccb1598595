// Conversation store speed: turn inserts per second with 1 and 8 writers and the latency of
// reading a 50-turn conversation, on SQLite (temp file; with its bare-INSERT peer and the ratio)
// and PostgreSQL (`CHATBOT_DATABASE_URL`, in a private schema dropped afterwards; skipped with a
// record saying so when unset; its pgbench peer runs in `scripts/bench-store`).
import ConversationStorage
import Foundation
import Primitives

/// Measures `ConversationStore` throughput and read latency.
public struct StoreBenchmark: Sendable {
    /// Turns appended per writer-count measurement.
    public var turns = 4_000
    /// Reads of a 50-turn conversation timed.
    public var reads = 300

    public init(quick: Bool = false) {
        if quick {
            turns = 400
            reads = 50
        }
    }

    /// Runs both engines and returns their records.
    public func run() -> [BenchmarkRecord] {
        var records: [BenchmarkRecord] = []
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bench-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("chatbot.sqlite").path
        let sqlite = measure(engine: "sqlite") { () throws(StorageError) in try SQLiteConversationStore(path: path) }
        records += sqlite + sqlitePeer(ours: sqlite, in: directory)
        guard let url = ProcessInfo.processInfo.environment[PostgresConversationStore.environmentVariable], !url.isEmpty else {
            records.append(BenchmarkRecord(name: "store.postgres.skipped", value: .nan,
                                           unit: "\(PostgresConversationStore.environmentVariable) unset"))
            return records
        }
        let schema = "bench_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        do throws(StorageError) {
            let admin = try PostgresConnection(url: url)
            try admin.executeScript("CREATE SCHEMA \(schema)")
            defer { try? admin.executeScript("DROP SCHEMA \(schema) CASCADE") }
            records += measure(engine: "postgres") { () throws(StorageError) in
                try PostgresConversationStore(url: url, settings: ["options": "-c search_path=\(schema)"])
            }
        } catch {
            records.append(BenchmarkRecord(name: "store.postgres.failed", value: .nan, unit: error.description))
        }
        return records
    }

    /// The bare-INSERT peer's rates at 1 and 8 writers and our turn inserts' ratio to them.
    func sqlitePeer(ours: [BenchmarkRecord], in directory: URL) -> [BenchmarkRecord] {
        var records: [BenchmarkRecord] = []
        for writers in [1, 8] {
            do throws(StorageError) {
                let peer = try SQLiteInsertPeer(rows: turns).rate(writers: writers, in: directory)
                records.append(BenchmarkRecord(name: "store.sqlite.bare_insert.writers\(writers)", value: peer, unit: "rows/s"))
                if let mine = ours.first(where: { $0.name == "store.sqlite.insert.writers\(writers)" }) {
                    records.append(BenchmarkRecord(name: "store.sqlite.insert.writers\(writers).ratio_to_bare_insert",
                                                   value: mine.value / peer, unit: "ratio"))
                }
            } catch {
                records.append(BenchmarkRecord(name: "store.sqlite.bare_insert.failed", value: .nan, unit: error.description))
            }
        }
        return records
    }

    /// Insert rates at 1 and 8 writers and the 50-turn read latency for one engine.
    func measure(engine: String, open: () throws(StorageError) -> any ConversationStore) -> [BenchmarkRecord] {
        do throws(StorageError) {
            var records: [BenchmarkRecord] = []
            for writers in [1, 8] {
                var stores: [any ConversationStore] = []
                for _ in 0..<writers { stores.append(try open()) }
                let rate = try insertRate(stores: stores)
                records.append(BenchmarkRecord(name: "store.\(engine).insert.writers\(writers)", value: rate, unit: "turns/s"))
            }
            let store = try open()
            let conversation = try store.startConversation(Conversation())
            for turn in 0..<50 {
                try store.appendMessage(Message(conversationID: conversation.id, role: turn % 2 == 0 ? .customer : .bot,
                                                text: Self.text(turn), intent: "order_status", confidence: 0.9))
            }
            var samples: [Double] = []
            for _ in 0..<reads {
                samples.append(try Stopwatch.seconds { () throws(StorageError) in _ = try store.messages(conversationID: conversation.id) })
            }
            records.append(BenchmarkRecord(name: "store.\(engine).read50.p50", value: samples.median * 1000, unit: "ms"))
            records.append(BenchmarkRecord(name: "store.\(engine).read50.p99", value: samples.percentile(99) * 1000, unit: "ms"))
            return records
        } catch {
            return [BenchmarkRecord(name: "store.\(engine).failed", value: .nan, unit: error.description)]
        }
    }

    /// Turns per second with one thread per store, each appending `turns / stores.count` turns
    /// to its own conversations of 50 turns.
    func insertRate(stores: [any ConversationStore]) throws(StorageError) -> Double {
        let perWriter = max(1, turns / stores.count)
        var ids2D: [[UUID]] = []
        for store in stores {
            var ids: [UUID] = []
            for _ in 0..<((perWriter + 49) / 50) { ids.append(try store.startConversation(Conversation()).id) }
            ids2D.append(ids)
        }
        let conversations = ids2D
        let failure = FailureBox()
        let seconds = Stopwatch.seconds {
            // One thread per writer (concurrentPerform would cap concurrency at the core count).
            let group = DispatchGroup()
            for writer in 0..<stores.count {
                group.enter()
                Thread {
                    defer { group.leave() }
                    do throws(StorageError) {
                        for turn in 0..<perWriter {
                            try stores[writer].appendMessage(Message(
                                conversationID: conversations[writer][turn / 50], role: turn % 2 == 0 ? .customer : .bot,
                                text: Self.text(turn), intent: "order_status", confidence: 0.9))
                        }
                    } catch {
                        failure.set(error)
                    }
                }.start()
            }
            group.wait()
        }
        if let error = failure.error { throw error }
        return Double(perWriter * stores.count) / seconds
    }

    static func text(_ turn: Int) -> String { "Hello, where is my order ORD-\(1000 + turn)? It was due on Monday." }
}

/// The first error seen by concurrent writers.
final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: StorageError?
    var error: StorageError? { lock.withLock { stored } }
    func set(_ error: StorageError) { lock.withLock { if stored == nil { stored = error } } }
}
