// Frames a ticket's answers as a letter: the template's greeting (with the customer's name when
// known), the answers one paragraph each, the sign-off; `plain` gives the answers alone.
import Dialogue
import FileFormats
import Foundation

/// Puts greeting and sign-off around the answers of one ticket.
struct TicketReplyFrame: Sendable {
    let template: TicketTemplate
    let fixedValues: [String: String]

    init(catalog: IntentCatalog) {
        template = catalog.ticketTemplate
        fixedValues = ReplyComposer(domain: catalog.domain).fixedValues
    }

    /// The reply for `answers`, greeting `customer` by name when given.
    func reply(_ answers: [String], customer: String?, plain: Bool) -> String {
        guard !plain else { return answers.joined(separator: " ") }
        var values = fixedValues
        let greeting: String
        if let customer, !customer.isEmpty {
            values["customer_name"] = customer
            greeting = template.greeting
        } else {
            greeting = template.anonymousGreeting
        }
        let parts = [greeting] + answers + [template.signOff]
        return parts.map { Self.withoutUnfilled(ResponseTemplate.fill($0, with: values)) }
            .filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    /// `text` without placeholders nothing filled (a sign-off's `{shop_name}` without a shop profile).
    static func withoutUnfilled(_ text: String) -> String {
        text.replacingOccurrences(of: #" ?\{[A-Za-z0-9_]+\}"#, with: "", options: .regularExpression)
            .trimmingCharacters(in: .whitespaces)
    }
}
