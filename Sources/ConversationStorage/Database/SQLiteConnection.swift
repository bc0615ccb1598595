// A thin wrapper over one sqlite3 connection: open with WAL, busy timeout and foreign keys,
// prepared statements cached by SQL text, values bound by position, typed column reads.
import CSQLite
import Foundation

/// One SQLite connection. Not thread-safe; the owning store serialises access.
package final class SQLiteConnection: SQLDatabase {
    private var handle: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]
    /// The database file.
    package let path: String
    package let dialect = SQLDialect.sqlite
    package var isBroken: Bool { handle == nil }

    /// Opens (creating if needed) the database at `path`.
    ///
    /// - Parameters:
    ///   - busyTimeoutMilliseconds: How long a writer waits for another connection's lock.
    ///   - synchronousFull: `synchronous=FULL` (every commit fsync'd) rather than `NORMAL`.
    package init(path: String, busyTimeoutMilliseconds: Int32 = 10_000, synchronousFull: Bool = true) throws(StorageError) {
        self.path = path
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &db, flags, nil)
        guard code == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(db)
            throw .connectionFailed("cannot open SQLite database \(path): \(message) (SQLite code \(code))")
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, busyTimeoutMilliseconds)
        try executeScript("PRAGMA journal_mode=WAL")
        try executeScript("PRAGMA foreign_keys=ON")
        try executeScript(synchronousFull ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL")
    }

    deinit {
        for statement in statements.values { sqlite3_finalize(statement) }
        sqlite3_close_v2(handle)
    }

    package func reconnect() throws(StorageError) {
        guard handle == nil else { return }
        throw .connectionFailed("SQLite connection to \(path) is closed")
    }

    package func executeScript(_ sql: String) throws(StorageError) {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw error(code) }
    }

    @discardableResult
    package func execute(_ sql: String, _ parameters: [SQLValue]) throws(StorageError) -> Int {
        _ = try query(sql, parameters)
        return Int(sqlite3_changes(handle))
    }

    package func query(_ sql: String, _ parameters: [SQLValue]) throws(StorageError) -> [SQLRow] {
        let statement = try prepared(sql)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        for (offset, value) in parameters.enumerated() {
            try bind(value, at: Int32(offset + 1), in: statement)
        }
        var rows: [SQLRow] = []
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else { throw error(code) }
            rows.append(row(of: statement))
        }
        return rows
    }

    /// The cached statement for `sql`, whose `$n` placeholders become SQLite's `?n`.
    private func prepared(_ sql: String) throws(StorageError) -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        let translated = Self.numberedPlaceholders(sql)
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(handle, translated, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else { throw error(code) }
        statements[sql] = statement
        return statement
    }

    /// `$1` → `?1`. Our SQL never has `$` inside literals, so a plain scan suffices.
    package static func numberedPlaceholders(_ sql: String) -> String {
        var out = ""
        var previous: Character = " "
        for character in sql {
            if previous == "$", character.isNumber { out.removeLast(); out.append("?") }
            out.append(character)
            previous = character
        }
        return out
    }

    private func bind(_ value: SQLValue, at index: Int32, in statement: OpaquePointer) throws(StorageError) {
        let code: Int32
        switch value {
        case .null: code = sqlite3_bind_null(statement, index)
        case .integer(let number): code = sqlite3_bind_int64(statement, index, number)
        case .real(let number): code = sqlite3_bind_double(statement, index, number)
        case .text(let text):
            var text = text
            code = text.withUTF8 { bytes in
                guard let base = bytes.baseAddress else {
                    return sqlite3_bind_text64(statement, index, "", 0, Self.transient, UInt8(SQLITE_UTF8))
                }
                let chars = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
                return sqlite3_bind_text64(statement, index, chars, sqlite3_uint64(bytes.count), Self.transient, UInt8(SQLITE_UTF8))
            }
        }
        guard code == SQLITE_OK else { throw error(code) }
    }

    private func row(of statement: OpaquePointer) -> SQLRow {
        let count = sqlite3_column_count(statement)
        var values: [SQLValue] = []
        values.reserveCapacity(Int(count))
        for column in 0..<count {
            switch sqlite3_column_type(statement, column) {
            case SQLITE_INTEGER: values.append(.integer(sqlite3_column_int64(statement, column)))
            case SQLITE_FLOAT: values.append(.real(sqlite3_column_double(statement, column)))
            case SQLITE_NULL: values.append(.null)
            default:
                let bytes = Int(sqlite3_column_bytes(statement, column))
                if let pointer = sqlite3_column_text(statement, column) {
                    values.append(.text(String(decoding: UnsafeBufferPointer(start: pointer, count: bytes), as: UTF8.self)))
                } else {
                    values.append(.text(""))
                }
            }
        }
        return SQLRow(values)
    }

    private func error(_ code: Int32) -> StorageError {
        let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "no connection"
        return .queryFailed(message, sqliteCode: code)
    }

    /// SQLite's SQLITE_TRANSIENT: copy the bound bytes before returning.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
