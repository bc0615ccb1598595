// Turns what a route throws into a clear JSON 4xx/5xx: `ServingError`s as they are, Hummingbird's
// own HTTP errors (unknown route, wrong method) with their status, anything else as a 500 that is
// counted and logged without the request's body.
import HTTPTypes
import Hummingbird
import Logging

/// Renders errors as JSON.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = ServingRequestContext
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as ServingError {
            if error.status >= 500 {
                metrics.countError()
                context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error.message)"])
            }
            return JSONResponse.error(error)
        } catch let error as HTTPError {
            let status = error.status
            let code = status == .notFound ? "not_found" : status.code == 413 ? "too_large" : "http_\(status.code)"
            return JSONResponse.text(
                #"{"error":{"code":"\#(code)","message":"\#(status.reasonPhrase.lowercased())"}}"#, status: status)
        } catch {
            metrics.countError()
            context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(type(of: error))"])
            return JSONResponse.error(.unavailable("the server failed on this request"))
        }
    }
}
