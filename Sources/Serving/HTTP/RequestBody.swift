// Reads a request body for the JSON API: at most the size limit (413 beyond it), valid UTF-8
// (400 with the offset of the first bad byte), then decoded into the endpoint's type (400 naming
// the field or the syntax problem). Nothing is stored before this has succeeded.
import Foundation
import Hummingbird

enum RequestBody {
    /// The body decoded as `T`.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, limit: Int) async throws -> T {
        let bytes = try await collect(request, limit: limit)
        if let offset = invalidUTF8Offset(bytes) { throw ServingError.invalidUTF8(byteOffset: offset) }
        guard !bytes.isEmpty else { throw ServingError.badRequest("the body is empty; send a JSON object") }
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw ServingError.badRequest(describe(error))
        }
    }

    /// The body's bytes, refusing more than `limit`.
    static func collect(_ request: Request, limit: Int) async throws -> [UInt8] {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            throw ServingError.tooLarge(limit: limit)
        }
        do {
            var request = request
            let buffer = try await request.collectBody(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw ServingError.tooLarge(limit: limit)
        }
    }

    /// The offset of the first byte that is not part of valid UTF-8, or nil.
    static func invalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return "the body is not valid JSON"
        case .keyNotFound(let key, _):
            return "the field \"\(key.stringValue)\" is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            return field.isEmpty ? "the body is not the JSON object expected" : "the field \"\(field)\" has the wrong type or value"
        @unknown default:
            return "the body is not the JSON object expected"
        }
    }
}
