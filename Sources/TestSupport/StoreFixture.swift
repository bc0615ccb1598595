// A fresh, isolated database for one test: a temporary SQLite file, or a private PostgreSQL
// schema (`test_<random>`, reached through search_path) that is dropped afterwards.
import ConversationStorage
import Foundation
import Testing

/// The store backends the conformance suite runs against.
public enum StoreBackend: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite, postgres
    /// PostgreSQL behind `SpoolingConversationStore`.
    case spoolingPostgres = "spooling-postgres"

    public var description: String { rawValue }
}

/// Opens stores on one isolated database and cleans it up.
public final class StoreFixture: @unchecked Sendable {
    /// Which backend.
    public let backend: StoreBackend
    private let directory: URL
    let postgresURL: String?
    private let admin: PostgresConnection?
    /// The private schema (PostgreSQL only).
    public let schema: String?

    /// A fixture, or nil when PostgreSQL is wanted but not configured (see `PostgresTestDatabase`).
    public static func make(_ backend: StoreBackend, test: String = #function,
                            sourceLocation: SourceLocation = #_sourceLocation) throws -> StoreFixture? {
        if backend == .sqlite { return try StoreFixture(backend: backend, postgresURL: nil) }
        guard let url = PostgresTestDatabase.url(for: test, sourceLocation: sourceLocation) else { return nil }
        return try StoreFixture(backend: backend, postgresURL: url)
    }

    private init(backend: StoreBackend, postgresURL: String?) throws {
        self.backend = backend
        self.postgresURL = postgresURL
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        if let postgresURL {
            let name = "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            let connection = try PostgresConnection(url: postgresURL)
            // The name is ours (hex), not input: the only identifier spliced into SQL.
            try connection.executeScript("CREATE SCHEMA \(name)")
            admin = connection
            schema = name
        } else {
            admin = nil
            schema = nil
        }
    }

    deinit {
        if let schema { try? admin?.executeScript("DROP SCHEMA \(schema) CASCADE") }
        try? FileManager.default.removeItem(at: directory)
    }

    /// The SQLite file (SQLite only).
    public var sqlitePath: String { directory.appendingPathComponent("nested/chatbot.sqlite").path }
    /// The spool file (spooling backend only).
    public var spoolPath: String { directory.appendingPathComponent("spool.jsonl").path }

    /// libpq settings that put a connection in the private schema.
    public var postgresSettings: [String: String] {
        guard let schema else { return [:] }
        // synchronous_commit=off for the same reason SQLite tests skip fsync: speed, not semantics.
        return ["options": "-c search_path=\(schema) -c synchronous_commit=off", "application_name": schema]
    }

    /// A new store instance on this fixture's database (each with its own connection).
    public func makeStore(policy: StoragePolicy = .standard) throws(StorageError) -> any ConversationStore {
        switch backend {
        case .sqlite:
            // synchronous=NORMAL: what the checks test (isolation, no lost rows) does not depend
            // on fsync, and 8,000 fsync'd commits take ~40 s on this disk.
            return try SQLiteConversationStore(path: sqlitePath, policy: policy, fsyncEveryCommit: false)
        case .postgres:
            return try makePostgresStore(policy: policy)
        case .spoolingPostgres:
            return try SpoolingConversationStore(
                primary: try makePostgresStore(policy: policy),
                spoolPath: directory.appendingPathComponent("spool-\(UUID().uuidString).jsonl").path,
                policy: policy, backoff: 0.001...0.05)
        }
    }

    /// The PostgreSQL URL with the private schema in its `options`, for child processes
    /// (`chatbot … --database-url`); nil for SQLite.
    public var postgresURLWithSchema: String? {
        guard let postgresURL, let schema else { return nil }
        return postgresURL + (postgresURL.contains("?") ? "&" : "?") + "options=-c%20search_path%3D\(schema)"
    }

    /// A raw connection to this fixture's database, with no migration applied by it (for
    /// building an older schema before a store opens it).
    package func openDatabase() throws -> any SQLDatabase {
        switch backend {
        case .sqlite:
            try FileManager.default.createDirectory(at: URL(fileURLWithPath: sqlitePath).deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            return try SQLiteConnection(path: sqlitePath)
        case .postgres, .spoolingPostgres:
            guard let postgresURL else { throw StorageError.invalidValue("not a PostgreSQL fixture") }
            return try PostgresConnection(url: postgresURL, settings: postgresSettings)
        }
    }

    /// A plain PostgreSQL store in the private schema.
    public func makePostgresStore(policy: StoragePolicy = .standard) throws(StorageError) -> PostgresConversationStore {
        guard let postgresURL else { throw .invalidValue("not a PostgreSQL fixture") }
        return try PostgresConversationStore(url: postgresURL, policy: policy, settings: postgresSettings)
    }

    /// Terminates every server connection in this fixture's schema except the admin's (an outage).
    /// Returns how many were terminated.
    @discardableResult
    public func terminateConnections() throws(StorageError) -> Int {
        guard let admin, let schema else { return 0 }
        let rows = try admin.query("""
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE application_name = $1 AND pid <> pg_backend_pid()
            """, [.text(schema)])
        return rows.count
    }

    /// Runs a read-only SQL query on the fixture's database through an admin connection
    /// (for checks behind the store's back). PostgreSQL only.
    public func adminCount(_ table: String) throws(StorageError) -> Int {
        guard let admin, let schema else { throw .invalidValue("not a PostgreSQL fixture") }
        let row = try admin.query("SELECT count(*) FROM \(schema).\(table)", []).first
        return Int(try row?.int64(0) ?? -1)
    }
}
