// JSON responses: an `Encodable` value or a ready JSON text with a status, and every
// `ServingError` as `{"error":{"code":…,"message":…}}` with its status.
import Foundation
import Hummingbird
import Primitives

enum JSONResponse {
    /// `value` encoded with sorted keys and ISO 8601 dates.
    static func encode<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return text(String(decoding: try encoder.encode(value), as: UTF8.self), status: status)
    }

    /// A response whose body is the JSON `text`.
    static func text(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// The error as a response.
    static func error(_ error: ServingError) -> Response {
        var response = text(#"{"error":{"code":\#(JSONString.quoted(error.code)),"message":\#(JSONString.quoted(error.message))}}"#,
                            status: HTTPResponse.Status(code: error.status))
        if error.code == "unauthorized" { response.headers[.wwwAuthenticate] = "Bearer" }
        return response
    }
}
