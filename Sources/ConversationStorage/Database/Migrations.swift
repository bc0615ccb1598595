// The versioned schema, one logical schema for both engines: migrations are applied on open
// inside one transaction and recorded in `schema_migrations`; re-opening applies nothing.
import Foundation

/// One schema step.
package struct Migration: Sendable {
    /// Increasing from 1; recorded in `schema_migrations.version`.
    package var version: Int
    /// A short name for people.
    package var name: String
    /// The DDL, with `{ID}` standing for an auto-increment integer primary key column type.
    package var script: String

    /// The script for `dialect`.
    package func sql(for dialect: SQLDialect) -> String {
        let identity = dialect == .sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
        return script.replacingOccurrences(of: "{ID}", with: identity)
    }
}

/// Applies the schema. Times are `BIGINT` microseconds since 1970 UTC; JSON is `TEXT` (kept
/// byte-for-byte, same on both engines); client ids are UUID strings.
package enum Migrations {
    /// Every migration, in order.
    package static let all: [Migration] = [
        Migration(version: 1, name: "initial schema", script: """
            CREATE TABLE conversations (
                id TEXT PRIMARY KEY,
                channel TEXT NOT NULL CHECK (channel IN ('chat', 'ticket', 'import')),
                started_at BIGINT NOT NULL,
                ended_at BIGINT,
                customer_ref TEXT,
                status TEXT NOT NULL CHECK (status IN ('open', 'closed', 'handed_off', 'abandoned')),
                message_count BIGINT NOT NULL DEFAULT 0
            );
            CREATE INDEX conversations_started_at ON conversations (started_at);
            CREATE TABLE messages (
                id TEXT PRIMARY KEY,
                conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
                seq BIGINT NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('customer', 'bot', 'agent', 'system')),
                text TEXT NOT NULL,
                intent TEXT,
                confidence DOUBLE PRECISION,
                entities TEXT,
                sentiment_label TEXT,
                sentiment_score DOUBLE PRECISION,
                reply_source TEXT CHECK (reply_source IN ('generated', 'template', 'fallback', 'human')),
                model_version TEXT,
                latency_ms DOUBLE PRECISION,
                created_at BIGINT NOT NULL,
                UNIQUE (conversation_id, seq)
            );
            CREATE INDEX messages_created_at ON messages (created_at);
            CREATE TABLE feedback (
                id TEXT PRIMARY KEY,
                message_id TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
                kind TEXT NOT NULL CHECK (kind IN ('rating', 'corrected_intent', 'better_reply')),
                value TEXT NOT NULL,
                author TEXT,
                created_at BIGINT NOT NULL
            );
            CREATE INDEX feedback_message_id ON feedback (message_id);
            CREATE INDEX feedback_created_at ON feedback (created_at);
            CREATE TABLE model_versions (
                id TEXT PRIMARY KEY,
                parent_id TEXT REFERENCES model_versions (id),
                created_at BIGINT NOT NULL,
                path TEXT NOT NULL,
                metrics TEXT NOT NULL DEFAULT '{}',
                status TEXT NOT NULL CHECK (status IN ('candidate', 'active', 'retired'))
            );
            CREATE UNIQUE INDEX model_versions_one_active ON model_versions (status) WHERE status = 'active';
            CREATE TABLE tickets (
                id {ID},
                source_file TEXT NOT NULL,
                source_line BIGINT NOT NULL,
                payload TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('queued', 'claimed', 'done', 'failed')),
                claimed_by TEXT,
                lease_until BIGINT,
                attempts BIGINT NOT NULL DEFAULT 0,
                result TEXT,
                last_error TEXT,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                UNIQUE (source_file, source_line)
            );
            CREATE INDEX tickets_status_id ON tickets (status, id);
            """),
        // The one model registry (issue 14): the data hash and a rejected status. Rebuilt rather
        // than altered because SQLite cannot change a CHECK constraint in place.
        Migration(version: 2, name: "model registry", script: """
            ALTER TABLE model_versions RENAME TO model_versions_before_registry;
            CREATE TABLE model_versions (
                id TEXT PRIMARY KEY,
                parent_id TEXT REFERENCES model_versions (id),
                created_at BIGINT NOT NULL,
                path TEXT NOT NULL,
                data_hash TEXT,
                metrics TEXT NOT NULL DEFAULT '{}',
                status TEXT NOT NULL CHECK (status IN ('candidate', 'active', 'rejected', 'retired'))
            );
            INSERT INTO model_versions (id, parent_id, created_at, path, metrics, status)
                SELECT id, parent_id, created_at, path, metrics, status FROM model_versions_before_registry
                ORDER BY created_at, id;
            DROP TABLE model_versions_before_registry;
            CREATE UNIQUE INDEX model_versions_one_active ON model_versions (status) WHERE status = 'active';
            """),
        Migration(version: 3, name: "serving sessions", script: """
            CREATE TABLE conversation_sessions (
                conversation_id TEXT PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
                token_hash TEXT NOT NULL,
                state TEXT NOT NULL,
                revision BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            );
            """),
    ]

    /// Applies the migrations `database` lacks, in one transaction; concurrent openers wait.
    package static func apply(to database: any SQLDatabase, migrations: [Migration] = all) throws(StorageError) {
        do {
            try database.transaction { () throws(StorageError) in
                if database.dialect == .postgres {
                    // Serialise concurrent first opens; released at commit.
                    _ = try database.query("SELECT pg_advisory_xact_lock($1)", [.integer(0x6368_6174)])
                }
                try database.executeScript("""
                    CREATE TABLE IF NOT EXISTS schema_migrations (
                        version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)
                    """)
                let applied = Set(try versions(in: database))
                for migration in migrations where !applied.contains(migration.version) {
                    try database.executeScript(migration.sql(for: database.dialect))
                    try database.execute(
                        "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                        [.integer(Int64(migration.version)), .text(migration.name), .integer(Date().microseconds)])
                }
            }
        } catch where error.isConnectionFailure {
            throw error
        } catch {
            throw .migrationFailed("\(error.message)", sqlState: error.sqlState, sqliteCode: error.sqliteCode)
        }
    }

    /// The recorded versions, ascending.
    package static func versions(in database: any SQLDatabase) throws(StorageError) -> [Int] {
        var versions: [Int] = []
        for row in try database.query("SELECT version FROM schema_migrations ORDER BY version", []) {
            versions.append(Int(try row.int64(0)))
        }
        return versions
    }
}

extension Date {
    /// Microseconds since 1970 UTC, the stored time unit.
    package var microseconds: Int64 { Int64((timeIntervalSince1970 * 1_000_000).rounded()) }

    /// The date `microseconds` after 1970 UTC.
    package init(microseconds: Int64) { self.init(timeIntervalSince1970: Double(microseconds) / 1_000_000) }
}
