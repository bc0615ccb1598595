// What the stores need from a connection: parameterised statements written with `$1…$n`
// placeholders, constant DDL scripts, and transactions. Implemented for SQLite and libpq.

/// Which SQL engine a connection speaks to, for the few statements that differ.
package enum SQLDialect: String, Sendable {
    case sqlite
    case postgres
}

/// A single database connection. Not thread-safe: stores guard it with a lock.
package protocol SQLDatabase: AnyObject {
    /// The engine.
    var dialect: SQLDialect { get }
    /// Runs one parameterised statement (prepared and cached) and returns its rows.
    func query(_ sql: String, _ parameters: [SQLValue]) throws(StorageError) -> [SQLRow]
    /// Runs one parameterised statement and returns the number of rows it changed.
    @discardableResult
    func execute(_ sql: String, _ parameters: [SQLValue]) throws(StorageError) -> Int
    /// Runs a constant script of several statements without parameters (migrations, BEGIN).
    func executeScript(_ sql: String) throws(StorageError)
    /// Whether the connection is known to be unusable.
    var isBroken: Bool { get }
    /// Replaces a broken connection with a new one.
    func reconnect() throws(StorageError)
}

extension SQLDatabase {
    /// Runs `body` inside a transaction (`BEGIN IMMEDIATE` on SQLite, so writers queue on the
    /// busy timeout instead of failing at commit), committing on success and rolling back on error.
    package func transaction<T>(_ body: () throws(StorageError) -> T) throws(StorageError) -> T {
        try executeScript(dialect == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN")
        do {
            let value = try body()
            try executeScript("COMMIT")
            return value
        } catch {
            if !isBroken { try? executeScript("ROLLBACK") }
            throw error
        }
    }
}
