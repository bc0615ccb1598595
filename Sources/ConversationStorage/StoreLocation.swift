// Which database a command talks to: an SQLite file or a PostgreSQL URL, chosen from the
// `--database` / `--database-url` flags and `CHATBOT_DATABASE_URL`, and opened in one place.
import Foundation

/// Where the conversation store lives.
public enum StoreLocation: Sendable, Equatable, CustomStringConvertible {
    /// A local SQLite file.
    case sqlite(path: String)
    /// A PostgreSQL server, `postgres://user:pass@host:port/db`.
    case postgres(url: String)

    /// The location given by flags and environment: an explicit flag wins, then
    /// `CHATBOT_DATABASE_URL`, then the default SQLite file.
    ///
    /// - Throws: `invalidValue` when both a path and a URL are given, or the URL is not
    ///   `postgres://` / `postgresql://`.
    public static func resolve(databasePath: String?, databaseURL: String?,
                               environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(StorageError) -> StoreLocation
    {
        if databasePath != nil, databaseURL != nil {
            throw .invalidValue("give either --database PATH or --database-url URL, not both")
        }
        if let databaseURL { return try postgres(checking: databaseURL, source: "--database-url") }
        if let databasePath { return .sqlite(path: databasePath) }
        if let url = environment[PostgresConversationStore.environmentVariable], !url.isEmpty {
            return try postgres(checking: url, source: PostgresConversationStore.environmentVariable)
        }
        return .sqlite(path: SQLiteConversationStore.defaultPath)
    }

    private static func postgres(checking url: String, source: String) throws(StorageError) -> StoreLocation {
        guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") else {
            throw .invalidValue("\(source) must be a postgres:// URL")
        }
        return .postgres(url: url)
    }

    /// Opens (creating or migrating) the store. An unreachable server is one `connectionFailed`.
    ///
    /// - Parameter fsyncEveryCommit: SQLite only: whether each commit waits for the disk (see
    ///   `SQLiteConversationStore.init`); batch jobs that can be re-run turn it off.
    public func open(policy: StoragePolicy = .standard, fsyncEveryCommit: Bool = true) throws(StorageError) -> any ConversationStore {
        switch self {
        case .sqlite(let path): try SQLiteConversationStore(path: path, policy: policy, fsyncEveryCommit: fsyncEveryCommit)
        case .postgres(let url): try PostgresConversationStore(url: url, policy: policy)
        }
    }

    /// For messages: the SQLite path, or the server URL without its password.
    public var description: String {
        switch self {
        case .sqlite(let path):
            return "SQLite \(path)"
        case .postgres(let url):
            guard var components = URLComponents(string: url) else { return "PostgreSQL" }
            if components.password != nil { components.password = "***" }
            return "PostgreSQL \(components.string ?? "")"
        }
    }
}
