// The routes of the JSON API (`/v1/…`) and the operational endpoints (`/healthz`, `/readyz`,
// `/metrics`). Customer routes need the conversation's token (`X-Conversation-Token`); team
// routes need the API key (`Authorization: Bearer KEY`).
import ConversationStorage
import Dialogue
import Foundation
import HTTPTypes
import Hummingbird
import TicketAnswering

/// Registers the API on a router.
struct APIRoutes {
    let service: ConversationService
    let tickets: TicketDesk?
    let settings: ServerSettings
    let modelVersion: String

    func register(on router: Router<ServingRequestContext>) {
        router.get("/healthz") { _, _ in JSONResponse.text(#"{"status":"ok"}"#) }
        router.get("/readyz") { _, _ in try await readiness() }
        router.get("/metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: service.metrics.text())))
        }
        let conversations = router.group("/v1/conversations")
        conversations.post { _, _ in
            let started = try await service.start()
            return try JSONResponse.encode(
                StartedBody(conversationID: started.id.uuidString.lowercased(), token: started.token), status: .created)
        }
        conversations.post("/{id}/messages") { request, context in
            let (id, token) = try conversation(request, context)
            let body = try await RequestBody.decode(MessageBody.self, from: request, limit: settings.maxBodyBytes)
            switch try await service.send(body.text, to: id, token: token) {
            case .turn(let turn): return JSONResponse.text(turn.json)
            case .forAgent(let message):
                return try JSONResponse.encode(ForAgentBody(conversationID: id.uuidString.lowercased(), seq: message.seq),
                                               status: .accepted)
            }
        }
        conversations.get("/{id}/messages") { request, context in
            let (id, token) = try conversation(request, context)
            let (stored, messages) = try await service.transcript(of: id, token: token)
            return try JSONResponse.encode(
                TranscriptBody(conversationID: id.uuidString.lowercased(), status: stored.status, messages: messages))
        }
        conversations.post("/{id}/feedback") { request, context in
            let (id, token) = try conversation(request, context)
            let body = try await RequestBody.decode(FeedbackBody.self, from: request, limit: settings.maxBodyBytes)
            return try JSONResponse.encode(try await service.feedback(try body.request(), on: id, token: token), status: .created)
        }
        registerTeamRoutes(on: router)
    }

    private func registerTeamRoutes(on router: Router<ServingRequestContext>) {
        router.post("/v1/tickets") { request, _ in
            try TeamKey.require(request, key: settings.apiKey)
            guard let tickets else { throw ServingError.notFound("ticket answering is not enabled on this server") }
            let body = try await RequestBody.decode(TicketBody.self, from: request, limit: settings.maxBodyBytes)
            let ticket = TicketRequest(id: body.id, subject: body.subject ?? "", body: body.body, customer: body.customer,
                                       location: TicketLocation(file: "api"))
            return JSONResponse.text(try await tickets.answer(ticket))
        }
        router.get("/v1/feedback") { request, _ in
            try TeamKey.require(request, key: settings.apiKey)
            let since = try request.uri.queryParameters["since"].map { text throws(ServingError) -> Date in
                guard let date = ISO8601DateFormatter().date(from: String(text)) else {
                    throw .badRequest("since must be an ISO 8601 time such as 2026-12-01T00:00:00Z")
                }
                return date
            }
            let store = service.store
            let feedback = try await Blocking.run {
                do { return try store.feedback(since: since) } catch {
                    throw ServingError.storage("read the feedback", error)
                }
            }
            return try JSONResponse.encode(["feedback": feedback])
        }
        router.get("/v1/model") { request, _ in
            try TeamKey.require(request, key: settings.apiKey)
            return try JSONResponse.encode(["version": modelVersion])
        }
    }

    /// The conversation id of the path and the token of the header; a malformed id is not found.
    private func conversation(_ request: Request, _ context: ServingRequestContext) throws -> (UUID, String) {
        guard let text = context.parameters.get("id"), let id = UUID(uuidString: text),
              let token = request.headers[values: HTTPField.Name.conversationToken].first, !token.isEmpty
        else { throw ServingError.conversationNotFound }
        return (id, token)
    }

    private func readiness() async throws -> Response {
        let store = service.store
        do {
            _ = try await Blocking.run { try store.appliedMigrations() }
            return JSONResponse.text(#"{"status":"ready"}"#)
        } catch {
            return JSONResponse.error(.unavailable("the conversation store does not answer"))
        }
    }
}

extension HTTPField.Name {
    /// `X-Conversation-Token`: the secret that continues one conversation.
    static let conversationToken = HTTPField.Name("X-Conversation-Token")!
}
