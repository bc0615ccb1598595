// A server on the demo intents with the example matcher (fast, deterministic) over a store
// fixture, driven through Hummingbird's in-process router test client.
import ConversationStorage
import Dialogue
import FileFormats
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Primitives
import Serving
import Testing
import TestSupport

let demoCatalog = Result { try IntentCatalog.load(from: TestFixtures.repositoryRoot.appendingPathComponent("intents")) }

/// One server's parts: its service, its own engines and store connections.
struct ServingHarness {
    let fixture: StoreFixture
    let server: ChatServer
    let store: any ConversationStore

    /// A server on `fixture` with `workers` engines; `configure` adjusts the settings.
    init(fixture: StoreFixture, workers: Int = 2,
         understanding: (IntentCatalog) -> any LanguageUnderstanding = { ExampleMatchingUnderstanding(catalog: $0) },
         configure: (inout ServerSettings) -> Void = { _ in }) throws {
        let catalog = try demoCatalog.get()
        let policy = catalog.domain.storagePolicy
        let engines = try (0..<workers).map { _ in
            DialogueEngine(catalog: catalog, understanding: understanding(catalog),
                           store: try fixture.makeStore(policy: policy))
        }
        let store = try fixture.makeStore(policy: policy)
        var settings = ServerSettings()
        settings.port = 0
        settings.apiKey = "team-secret-key"
        configure(&settings)
        let version = engines[0].modelVersion
        self.fixture = fixture
        self.store = store
        server = ChatServer(settings: settings,
                            service: ConversationService(engines: engines, store: store, metrics: ServerMetrics(modelVersion: version)),
                            tickets: nil, modelVersion: version, logger: Logger(label: "test"))
    }

    /// Runs `body` with a client of the in-process router.
    func test<T: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        try await server.makeApplication().test(.router, body)
    }
}

/// A conversation as a client sees it.
struct ClientConversation: Sendable {
    var id: String
    var token: String
}

extension TestClientProtocol {
    /// Starts a conversation and returns its id and token.
    func startConversation() async throws -> ClientConversation {
        try await execute(uri: "/v1/conversations", method: .post) { response in
            #expect(response.status == .created)
            let object = json(response)
            return ClientConversation(id: object["conversation_id"] as? String ?? "", token: object["token"] as? String ?? "")
        }
    }

    /// Sends `text` and returns the response.
    func say(_ text: String, in conversation: ClientConversation, token: String? = nil) async throws -> TestResponse {
        try await execute(uri: "/v1/conversations/\(conversation.id)/messages", method: .post,
                          headers: [.conversationToken: token ?? conversation.token, .contentType: "application/json"],
                          body: ByteBuffer(string: #"{"text":\#(JSONString.quoted(text))}"#))
    }
}

/// The response body as a JSON object (empty when it is not one, which the checks then catch).
func json(_ response: TestResponse) -> [String: Any] {
    ((try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any]) ?? [:]
}


extension HTTPField.Name {
    static let conversationToken = HTTPField.Name("X-Conversation-Token")!
}
