// The team's routes for hand-offs and review, all behind the API key: the inbox of handed-off
// conversations, take, reply (an agent turn), close, and the recent feedback to review.
import Foundation
import HTTPTypes
import Hummingbird

/// `/v1/agent/…` and `/v1/review`.
struct AgentRoutes {
    struct TakeBody: Decodable { var agent: String }
    struct ReplyBody: Decodable { var text: String }

    let desk: AgentDesk
    let settings: ServerSettings

    func register(on router: Router<ServingRequestContext>) {
        let agent = router.group("/v1/agent/conversations")
        agent.get { request, _ in
            try TeamKey.require(request, key: settings.apiKey)
            return try JSONResponse.encode(["conversations": try await desk.inbox()])
        }
        agent.post("/{id}/take") { request, context in
            try TeamKey.require(request, key: settings.apiKey)
            let body = try await RequestBody.decode(TakeBody.self, from: request, limit: settings.maxBodyBytes)
            let name = body.agent.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty, name.count <= 80 else { throw ServingError.badRequest("agent must be a name of 1 to 80 characters") }
            try await desk.take(try id(context), agent: name)
            return Response(status: .noContent)
        }
        agent.post("/{id}/reply") { request, context in
            try TeamKey.require(request, key: settings.apiKey)
            let body = try await RequestBody.decode(ReplyBody.self, from: request, limit: settings.maxBodyBytes)
            return try JSONResponse.encode(try await desk.reply(try id(context), text: body.text), status: .created)
        }
        agent.post("/{id}/close") { request, context in
            try TeamKey.require(request, key: settings.apiKey)
            try await desk.close(try id(context))
            return Response(status: .noContent)
        }
        router.get("/v1/review") { request, _ in
            try TeamKey.require(request, key: settings.apiKey)
            return try JSONResponse.encode(["feedback": try await desk.review()])
        }
    }

    private func id(_ context: ServingRequestContext) throws -> UUID {
        guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else {
            throw ServingError.notFound("no such conversation")
        }
        return id
    }
}
