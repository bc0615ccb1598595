// How a ticket reply is framed: the greeting (with the customer's name when the ticket has one),
// the line between answers, and the sign-off, read from `intents/_ticket.yaml`.

/// The frame around the answers of a ticket reply (docs/FORMATS.md "Ticket template").
public struct TicketTemplate: Hashable, Sendable {
    /// The greeting when the customer's name is known; `{customer_name}` is replaced by it.
    public var greeting: String
    /// The greeting when it is not.
    public var anonymousGreeting: String
    /// The closing lines; may use the shop placeholders (`{shop_name}`…).
    public var signOff: String

    /// A template; the defaults are used when the intents folder has no `_ticket.yaml`.
    public init(greeting: String = "Hello {customer_name},", anonymousGreeting: String = "Hello,",
                signOff: String = "Kind regards,\nCustomer service") {
        self.greeting = greeting
        self.anonymousGreeting = anonymousGreeting
        self.signOff = signOff
    }

    /// The template's keys in `_ticket.yaml`.
    static let keys: Set<String> = ["greeting", "greeting_anonymous", "sign_off"]
}

/// Reads `_ticket.yaml` with located problems, like the other intents-folder files.
enum TicketTemplateParser {
    static func parse(yaml: String, file: String) -> (TicketTemplate?, [FileFormatError.Problem]) {
        var reader = YAMLNodeReader(file: file)
        guard let root = IntentFileParser.composeReporting(yaml: yaml, into: &reader),
              let pairs = reader.mapping(root, what: "the ticket template", allowed: TicketTemplate.keys) else {
            return (nil, reader.problems)
        }
        var template = TicketTemplate()
        for pair in pairs {
            guard let value = reader.string(pair.value, what: pair.key) else { continue }
            switch pair.key {
            case "greeting": template.greeting = value
            case "greeting_anonymous": template.anonymousGreeting = value
            default: template.signOff = value
            }
        }
        return (template, reader.problems)
    }
}
