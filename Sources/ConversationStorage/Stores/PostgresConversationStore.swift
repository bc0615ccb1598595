// The team store: one libpq connection to a PostgreSQL server, reconnected on the next call
// after it drops. Wrap it in `SpoolingConversationStore` so turns survive an outage.
import Foundation

/// A conversation store in PostgreSQL (`postgres://user:pass@host:port/db`).
public final class PostgresConversationStore: SQLConversationStore, @unchecked Sendable {
    /// The environment variable the CLI reads the URL from.
    public static let environmentVariable = "CHATBOT_DATABASE_URL"
    private let connection: PostgresConnection

    /// Connects and migrates. An unreachable server throws one `connectionFailed` error whose
    /// message names the server (without password) and libpq's reason.
    ///
    /// - Parameter settings: Extra libpq connection keywords, e.g. `["options": "-c search_path=s"]`.
    public init(url: String, policy: StoragePolicy = .standard, settings: [String: String] = [:]) throws(StorageError) {
        connection = try PostgresConnection(url: url, settings: settings)
        try super.init(database: connection, policy: policy)
    }

    /// The server process id of the current connection (to terminate it in outage tests).
    package var backendPID: Int32 { (try? withDatabase { _ in connection.backendPID }) ?? 0 }
}
