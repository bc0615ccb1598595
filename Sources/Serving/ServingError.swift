// The one error type of Serving: what a request did wrong or what failed behind it, with the
// HTTP status it maps to. Messages name the problem, never the customer's text or a key.

import ConversationStorage

/// A refused request or a failure behind it.
public struct ServingError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The HTTP status code the API answers with.
    public let status: Int
    /// A short code for clients (`bad_json`, `not_found`, …).
    public let code: String
    /// The problem in words.
    public let message: String

    private init(_ status: Int, _ code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    public var description: String { "\(status) \(code): \(message)" }

    /// The body is not what the endpoint takes (JSON syntax, a missing or wrong field).
    public static func badRequest(_ message: String) -> ServingError { .init(400, "bad_request", message) }
    /// The body is not valid UTF-8.
    public static func invalidUTF8(byteOffset: Int) -> ServingError {
        .init(400, "invalid_utf8", "the body is not valid UTF-8 (first bad byte at offset \(byteOffset))")
    }
    /// No API key, or a wrong one, on an endpoint that needs it.
    public static let unauthorized = ServingError(401, "unauthorized", "this endpoint needs the API key (Authorization: Bearer KEY)")
    /// A browser page from an origin that is not allowed (CORS pre-flight).
    public static let forbiddenOrigin = ServingError(403, "forbidden_origin", "this origin may not call the API")
    /// The conversation does not exist or the token is not its own (the two are not told apart).
    public static let conversationNotFound = ServingError(
        404, "not_found", "no such conversation, or the token is not this conversation's")
    /// No such route, or a resource that does not exist.
    public static func notFound(_ message: String) -> ServingError { .init(404, "not_found", message) }
    /// The conversation is not in a state that takes this request.
    public static func conflict(_ message: String) -> ServingError { .init(409, "conflict", message) }
    /// The body is larger than the limit.
    public static func tooLarge(limit: Int) -> ServingError {
        .init(413, "too_large", "the body is larger than the limit of \(limit) bytes")
    }
    /// The client sent more requests than the rate limit allows.
    public static func tooManyRequests(retryAfterSeconds: Int) -> ServingError {
        .init(429, "rate_limited", "too many requests; try again in \(retryAfterSeconds) s")
    }
    /// The store failed while doing `what` ("read the conversation").
    static func storage(_ what: String, _ error: any Error) -> ServingError {
        .unavailable("could not \(what): \((error as? StorageError)?.message ?? String(describing: type(of: error)))")
    }
    /// The store or the model failed.
    public static func unavailable(_ message: String) -> ServingError { .init(503, "unavailable", message) }
}
