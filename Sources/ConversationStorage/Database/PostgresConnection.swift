// A thin wrapper over one libpq connection: connect from a `postgres://` URL plus extra
// keywords, statements prepared once (PQprepare) and run with text parameters (PQexecPrepared).
import CLibPQ
import Foundation

/// One PostgreSQL connection. Not thread-safe; the owning store serialises access.
package final class PostgresConnection: SQLDatabase {
    private var handle: OpaquePointer?
    private var statements: [String: String] = [:]
    private let url: String
    private let settings: [String: String]
    package let dialect = SQLDialect.postgres

    /// Connects to `url` (`postgres://user@host:port/db?…`).
    ///
    /// - Parameter settings: Extra libpq keywords, e.g. `options: "-c search_path=s1"`,
    ///   `application_name`, `connect_timeout`.
    package init(url: String, settings: [String: String] = [:]) throws(StorageError) {
        self.url = url
        self.settings = settings
        try connect()
    }

    deinit { PQfinish(handle) }

    package var isBroken: Bool { handle == nil || PQstatus(handle) != CONNECTION_OK }

    /// The server process id of this connection (for `pg_terminate_backend` in tests).
    package var backendPID: Int32 { PQbackendPID(handle) }

    package func reconnect() throws(StorageError) {
        guard isBroken else { return }
        try connect()
    }

    private func connect() throws(StorageError) {
        PQfinish(handle)
        handle = nil
        statements = [:]
        var keywords = ["dbname"], values = [url]
        if settings["connect_timeout"] == nil { keywords.append("connect_timeout"); values.append("5") }
        for (key, value) in settings.sorted(by: { $0.key < $1.key }) { keywords.append(key); values.append(value) }
        let connection = withCStrings(keywords) { keys in
            withCStrings(values) { vals in PQconnectdbParams(keys, vals, 1) }
        }
        guard let connection, PQstatus(connection) == CONNECTION_OK else {
            let message = connection.map { Self.trimmed(String(cString: PQerrorMessage($0))) } ?? "out of memory"
            PQfinish(connection)
            throw .connectionFailed("cannot connect to PostgreSQL at \(Self.redactedURL(url)): \(message)")
        }
        handle = connection
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
    }

    package func executeScript(_ sql: String) throws(StorageError) {
        let result = PQexec(handle, sql)
        defer { PQclear(result) }
        try check(result)
    }

    @discardableResult
    package func execute(_ sql: String, _ parameters: [SQLValue]) throws(StorageError) -> Int {
        let result = try run(sql, parameters)
        defer { PQclear(result) }
        return Int(String(cString: PQcmdTuples(result))) ?? 0
    }

    package func query(_ sql: String, _ parameters: [SQLValue]) throws(StorageError) -> [SQLRow] {
        let result = try run(sql, parameters)
        defer { PQclear(result) }
        let rowCount = PQntuples(result), columnCount = PQnfields(result)
        var rows: [SQLRow] = []
        rows.reserveCapacity(Int(rowCount))
        for row in 0..<rowCount {
            var values: [SQLValue] = []
            values.reserveCapacity(Int(columnCount))
            for column in 0..<columnCount {
                if PQgetisnull(result, row, column) != 0 {
                    values.append(.null)
                } else {
                    let length = Int(PQgetlength(result, row, column))
                    let bytes = UnsafeRawPointer(PQgetvalue(result, row, column)).assumingMemoryBound(to: UInt8.self)
                    values.append(.text(String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)))
                }
            }
            rows.append(SQLRow(values))
        }
        return rows
    }

    /// Prepares `sql` once per connection, then executes it with text-format parameters.
    private func run(_ sql: String, _ parameters: [SQLValue]) throws(StorageError) -> OpaquePointer? {
        guard !isBroken else { throw .connectionLost("PostgreSQL connection is closed") }
        let name: String
        if let known = statements[sql] {
            name = known
        } else {
            name = "s\(statements.count)"
            let prepared = PQprepare(handle, name, sql, Int32(parameters.count), nil)
            defer { PQclear(prepared) }
            try check(prepared)
            statements[sql] = name
        }
        var texts: [String?] = []
        texts.reserveCapacity(parameters.count)
        for value in parameters {
            switch value {
            case .null: texts.append(nil)
            case .integer(let number): texts.append(String(number))
            case .real(let number): texts.append(Self.text(of: number))
            case .text(let text):
                guard !text.utf8.contains(0) else { throw .invalidValue("PostgreSQL text cannot hold NUL bytes") }
                texts.append(text)
            }
        }
        let result = withOptionalCStrings(texts) { values in
            PQexecPrepared(handle, name, Int32(texts.count), values, nil, nil, 0)
        }
        do { try check(result) } catch { PQclear(result); throw error }
        return result
    }

    private static func text(of number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number > 0 ? "Infinity" : "-Infinity" }
        return "\(number)"
    }

    /// Throws unless `result` is a success; a dead connection becomes `.connectionLost`.
    private func check(_ result: OpaquePointer?) throws(StorageError) {
        let status = result.map { PQresultStatus($0) } ?? PGRES_FATAL_ERROR
        if status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY { return }
        let sqlState = result.flatMap { PQresultErrorField($0, Int32(UInt8(ascii: "C"))) }.map { String(cString: $0) }
        let primary = result.flatMap { PQresultErrorField($0, Int32(UInt8(ascii: "M"))) }.map { String(cString: $0) }
        let message = primary ?? Self.trimmed(String(cString: PQerrorMessage(handle)))
        if PQstatus(handle) != CONNECTION_OK || Self.connectionStates.contains(sqlState ?? "") {
            throw .connectionLost(message, sqlState: sqlState)
        }
        throw .queryFailed(message, sqlState: sqlState)
    }

    /// SQLSTATEs meaning the session is gone: connection exceptions and administrator shutdowns.
    private static let connectionStates: Set<String> = ["08000", "08003", "08006", "57P01", "57P02", "57P03"]

    private static func trimmed(_ text: String) -> String {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    /// The URL without its password, for error messages.
    static func redactedURL(_ url: String) -> String {
        guard var parts = URLComponents(string: url) else { return "(unparsable URL)" }
        if parts.password != nil { parts.password = "***" }
        parts.query = nil
        return parts.string ?? "(unparsable URL)"
    }
}

/// Calls `body` with a C array of C strings that live for the call.
private func withCStrings<R>(_ strings: [String], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
    withOptionalCStrings(strings.map { Optional($0) }, body)
}

/// Calls `body` with a C array of optional C strings (nil for SQL NULL) that live for the call.
private func withOptionalCStrings<R>(_ strings: [String?], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
    let copies = strings.map { $0.flatMap { strdup($0) } }
    defer { copies.forEach { free($0) } }
    var pointers = copies.map { $0.map { UnsafePointer($0) } }
    pointers.append(nil)
    return body(pointers)
}
