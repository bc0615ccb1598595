// The intents folder of the ticket tests: returns, password resets, order status (needs an order
// number), complaints (hand-off), with a ticket template.
import Dialogue
import FileFormats
import Foundation
import TicketAnswering
import TestSupport

enum TicketDomain {
    static let files: [String: String] = [
        "return_item.yaml": """
            name: return_item
            description: Wants to return something.
            examples: ["I want to return this"]
            responses: ["You can return any item within 30 days."]
            """,
        "reset_password.yaml": """
            name: reset_password
            description: Cannot log in.
            examples: ["reset my password"]
            responses: ["Use the 'Forgot password' link to reset it."]
            """,
        "order_status.yaml": """
            name: order_status
            description: Where is the order.
            examples: ["where is my order"]
            slots:
              order_id: Could you tell me your order number?
            responses: ["Order {order_id} is on its way."]
            """,
        "complaint.yaml": """
            name: complaint
            description: Unhappy.
            examples: ["I want to complain"]
            handoff: true
            responses: ["I'm sorry. I've passed this to a colleague."]
            """,
        "_ticket.yaml": """
            greeting: "Dear {customer_name},"
            greeting_anonymous: "Hello,"
            sign_off: "Best wishes,\\nThe team"
            """,
    ]

    static let understanding = [("return", "return_item", 0.95), ("password", "reset_password", 0.9),
                                ("order", "order_status", 0.92), ("complain", "complaint", 0.9),
                                ("maybe", "return_item", 0.5)]

    static func catalog() throws -> IntentCatalog {
        let folder = try TestFixtures.folder(files)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try IntentCatalog.load(from: folder)
    }

    static func analyser(plain: Bool = false) throws -> TicketAnalyser {
        var settings = TicketAnsweringSettings()
        settings.plain = plain
        return TicketAnalyser(catalog: try catalog(), understanding: KeywordUnderstanding(understanding), settings: settings)
    }
}
