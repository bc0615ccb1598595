// One in-process lock per SQLite file, shared by every store instance on that file, so writers
// in one process queue on a blocking lock (fair enough, no polling) instead of starving each
// other in SQLite's sleep-and-retry busy handler. Other processes still meet the busy timeout.
import Foundation

/// Hands out the write lock for a database file.
package enum SQLiteWriteGate {
    private static let registry = Registry()

    /// The lock shared by all connections in this process to the file at `path`.
    package static func lock(for path: String) -> NSLock {
        let key = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        return registry.lock(for: key)
    }

    private final class Registry: @unchecked Sendable {
        private let guardLock = NSLock()
        private var locks: [String: NSLock] = [:]

        func lock(for key: String) -> NSLock {
            guardLock.withLock {
                if let existing = locks[key] { return existing }
                let created = NSLock()
                locks[key] = created
                return created
            }
        }
    }
}
