// The pages (chat at `/`, `/agent`, `/review`), their style sheet and scripts under `/assets/`,
// and `/embed.js`, all compiled into the binary. A strict Content-Security-Policy allows only
// this server's own scripts and styles.
import HTTPTypes
import Hummingbird

/// Serves the embedded pages.
struct PageRoutes {
    private static let assets: [String: (type: String, body: String)] = [
        "style.css": ("text/css; charset=utf-8", PageStyle.css),
        "api.js": ("text/javascript; charset=utf-8", APIScript.script),
        "chat.js": ("text/javascript; charset=utf-8", ChatPage.script),
        "agent.js": ("text/javascript; charset=utf-8", AgentPage.script),
        "review.js": ("text/javascript; charset=utf-8", ReviewPage.script),
    ]

    func register(on router: Router<ServingRequestContext>) {
        router.get("/") { _, _ in Self.page(ChatPage.html) }
        router.get("/agent") { _, _ in Self.page(AgentPage.html) }
        router.get("/review") { _, _ in Self.page(ReviewPage.html) }
        router.get("/embed.js") { _, _ in Self.response("text/javascript; charset=utf-8", EmbedScript.script) }
        router.get("/assets/{name}") { _, context in
            guard let name = context.parameters.get("name"), let asset = Self.assets[name] else {
                throw ServingError.notFound("no such asset")
            }
            return Self.response(asset.type, asset.body)
        }
    }

    private static func page(_ html: String) -> Response {
        var response = response("text/html; charset=utf-8", html)
        response.headers[.contentSecurityPolicy] = "default-src 'self'; frame-ancestors *; base-uri 'none'; form-action 'self'"
        response.headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        return response
    }

    private static func response(_ type: String, _ body: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
