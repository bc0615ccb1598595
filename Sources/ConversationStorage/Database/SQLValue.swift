// Values crossing the database boundary, and rows of them with typed accessors, shared by the
// SQLite and PostgreSQL connections so the stores' SQL is written once.

/// A parameter or column value.
package enum SQLValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
}

extension SQLValue {
    /// A text value or NULL.
    package static func optional(_ text: String?) -> SQLValue { text.map { .text($0) } ?? .null }
    /// A real value or NULL.
    package static func optional(_ number: Double?) -> SQLValue { number.map { .real($0) } ?? .null }
    /// An integer value or NULL.
    package static func optional(_ number: Int64?) -> SQLValue { number.map { .integer($0) } ?? .null }
}

/// One result row. PostgreSQL returns every column as text; the accessors convert.
package struct SQLRow: Sendable {
    /// Column values in select-list order.
    package var values: [SQLValue]

    package init(_ values: [SQLValue]) { self.values = values }

    private func value(_ index: Int) throws(StorageError) -> SQLValue {
        guard values.indices.contains(index) else {
            throw StorageError.decodingFailed("column \(index) missing (row has \(values.count))")
        }
        return values[index]
    }

    /// Whether the column is NULL.
    package func isNull(_ index: Int) throws(StorageError) -> Bool { try value(index) == .null }

    /// The column as a string, or nil when NULL.
    package func optionalString(_ index: Int) throws(StorageError) -> String? {
        switch try value(index) {
        case .null: return nil
        case .text(let text): return text
        case .integer(let number): return String(number)
        case .real(let number): return String(number)
        }
    }

    /// The column as a string; NULL is an error.
    package func string(_ index: Int) throws(StorageError) -> String {
        guard let text = try optionalString(index) else { throw StorageError.decodingFailed("column \(index) is NULL") }
        return text
    }

    /// The column as a 64-bit integer, or nil when NULL.
    package func optionalInt64(_ index: Int) throws(StorageError) -> Int64? {
        switch try value(index) {
        case .null: return nil
        case .integer(let number): return number
        case .real(let number): return Int64(exactly: number)
        case .text(let text):
            guard let number = Int64(text) else { throw StorageError.decodingFailed("column \(index) is not an integer") }
            return number
        }
    }

    /// The column as a 64-bit integer; NULL is an error.
    package func int64(_ index: Int) throws(StorageError) -> Int64 {
        guard let number = try optionalInt64(index) else { throw StorageError.decodingFailed("column \(index) is NULL") }
        return number
    }

    /// The column as a double, or nil when NULL.
    package func optionalDouble(_ index: Int) throws(StorageError) -> Double? {
        switch try value(index) {
        case .null: return nil
        case .integer(let number): return Double(number)
        case .real(let number): return number
        case .text(let text):
            guard let number = Double(text) else { throw StorageError.decodingFailed("column \(index) is not a number") }
            return number
        }
    }
}
