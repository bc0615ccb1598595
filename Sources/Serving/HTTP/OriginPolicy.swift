// CORS for the configured origins only: a browser page from one of them may call the API (the
// embeddable snippet on the team's own site); any other origin gets no CORS headers, so the
// browser refuses it. Pre-flight requests from unknown origins get 403.
import Hummingbird

/// Adds CORS headers for allowed origins and answers their pre-flight requests.
struct OriginPolicy: RouterMiddleware {
    typealias Context = ServingRequestContext
    let allowed: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let origin = request.headers[.origin] else { return try await next(request, context) }
        let allowedOrigin = allowed.contains(origin)
        if request.method == .options {
            guard allowedOrigin else { return JSONResponse.error(.forbiddenOrigin) }
            var response = Response(status: .noContent)
            add(origin, to: &response)
            response.headers[.accessControlAllowMethods] = "GET, POST, OPTIONS"
            response.headers[.accessControlAllowHeaders] = "Content-Type, Authorization, X-Conversation-Token"
            response.headers[.accessControlMaxAge] = "600"
            return response
        }
        var response = try await next(request, context)
        if allowedOrigin { add(origin, to: &response) }
        return response
    }

    private func add(_ origin: String, to response: inout Response) {
        response.headers[.accessControlAllowOrigin] = origin
        response.headers[.vary] = "Origin"
    }
}
