// The column/key flags of `chatbot answer`: other names for a ticket's id, subject, body,
// customer and creation time than the defaults.
import ArgumentParser
import TicketAnswering

/// `--id-column`, `--subject-column`, `--body-column`, `--customer-column`, `--created-column`.
struct TicketColumnOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The id column or key (default id).", valueName: "NAME"))
    var idColumn: String?

    @Option(name: .long, help: ArgumentHelp("The subject column or key (default subject).", valueName: "NAME"))
    var subjectColumn: String?

    @Option(name: .long, help: ArgumentHelp("The body column or key (default: body, text or message).", valueName: "NAME"))
    var bodyColumn: String?

    @Option(name: .long, help: ArgumentHelp("The customer-name column or key (default customer).", valueName: "NAME"))
    var customerColumn: String?

    @Option(name: .long, help: ArgumentHelp("The creation-time column or key (default created).", valueName: "NAME"))
    var createdColumn: String?

    /// The names as `TicketFields`.
    var fields: TicketFields {
        TicketFields(id: idColumn, subject: subjectColumn, body: bodyColumn, customer: customerColumn, created: createdColumn)
    }
}
