// The default store: one SQLite file (WAL, busy timeout, foreign keys), created with its folder.
import Foundation

/// A conversation store in a local SQLite file. Several instances (or processes) may share the
/// file; writers queue on the busy timeout.
public final class SQLiteConversationStore: SQLConversationStore, @unchecked Sendable {
    /// The default file, relative to the working directory.
    public static let defaultPath = "./.chatbot/chatbot.sqlite"
    /// The database file.
    public let path: String

    /// Opens (creating the file and its folder if needed) and migrates the database at `path`.
    ///
    /// - Parameters:
    ///   - busyTimeout: Seconds a writer waits for another writer before failing.
    ///   - fsyncEveryCommit: `synchronous=FULL` (true: a commit survives power loss) or `NORMAL`.
    public init(path: String = SQLiteConversationStore.defaultPath, policy: StoragePolicy = .standard,
                busyTimeout: TimeInterval = 10, fsyncEveryCommit: Bool = true) throws(StorageError) {
        self.path = path
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .connectionFailed("cannot create folder \(folder.path) for the SQLite database")
        }
        let connection = try SQLiteConnection(
            path: path, busyTimeoutMilliseconds: Int32(clamping: Int((busyTimeout * 1000).rounded())),
            synchronousFull: fsyncEveryCommit)
        try super.init(database: connection, policy: policy, writeGate: SQLiteWriteGate.lock(for: path))
    }
}
