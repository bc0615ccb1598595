// The SQLite peer of the store benchmark: one autocommitted `INSERT` per row through the C API
// (our thin `SQLiteConnection`: prepared once, bound by position) into a table shaped like
// `messages`, WAL and `synchronous=FULL` as the store uses, one connection and thread per writer.
// SQLite has one writer at a time: like the store (`SQLiteWriteGate`), the writers of this process
// take turns under one lock, since left to the busy timeout alone some starve past it.
import ConversationStorage
import Foundation
import Primitives

/// Bare SQLite inserts per second, the ceiling the store's turn inserts are compared with.
struct SQLiteInsertPeer {
    /// Rows inserted per measurement, split over the writers.
    var rows: Int

    /// Inserts per second with `writers` connections to a fresh file in `directory`.
    func rate(writers: Int, in directory: URL) throws(StorageError) -> Double {
        let path = directory.appendingPathComponent("peer-\(writers).sqlite").path
        let setup = try SQLiteConnection(path: path)
        try setup.executeScript("""
            CREATE TABLE messages (id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, seq BIGINT NOT NULL,
                role TEXT NOT NULL, text TEXT NOT NULL, intent TEXT, confidence DOUBLE PRECISION, created_at BIGINT NOT NULL)
            """)
        var connections: [SQLiteConnection] = []
        for _ in 0..<writers { connections.append(try SQLiteConnection(path: path)) }
        let perWriter = max(1, rows / writers)
        let failure = FailureBox()
        let gate = NSLock()
        let seconds = Stopwatch.seconds {
            let group = DispatchGroup()
            for writer in 0..<writers {
                group.enter()
                let connection = OwnedConnection(connections[writer])
                Thread {
                    defer { group.leave() }
                    do throws(StorageError) {
                        for row in 0..<perWriter {
                            gate.lock()
                            defer { gate.unlock() }
                            try connection.value.execute("""
                                INSERT INTO messages (id, conversation_id, seq, role, text, intent, confidence, created_at)
                                VALUES ($1, $2, $3, 'customer', $4, 'order_status', 0.9, 0)
                                """, [.text(UUID().uuidString), .text("c-\(writer)"), .integer(Int64(row)),
                                      .text(StoreBenchmark.text(row))])
                        }
                    } catch {
                        failure.set(error)
                    }
                }.start()
            }
            group.wait()
        }
        if let error = failure.error { throw error }
        return Double(perWriter * writers) / seconds
    }
}

/// One writer's connection, handed to its thread and used by that thread alone.
private final class OwnedConnection: @unchecked Sendable {
    let value: SQLiteConnection
    init(_ value: SQLiteConnection) { self.value = value }
}
