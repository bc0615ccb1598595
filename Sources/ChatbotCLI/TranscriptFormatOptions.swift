// The flags that say how transcript files are read, shared by every command that reads them
// (`transcripts import`, `train`, `propose-intents`): the format when the extension does not
// tell, the speaker names of plain-text logs and CSV roles, and the CSV column names.
import ArgumentParser
import FileFormats

/// `--transcript-format`, `--customer-label`, `--agent-label` and the `--transcript-*-column` names.
struct TranscriptFormatOptions: ParsableArguments {
    @Option(name: .customLong("transcript-format"),
            help: ArgumentHelp("Read every transcript file in this format (default: by extension, .jsonl, .txt or .csv).",
                               valueName: "FORMAT"))
    var format: TranscriptFileFormat?

    @Option(name: .customLong("customer-label"),
            help: ArgumentHelp("The customer's speaker name in text logs and CSV roles; repeat for several (default Customer).",
                               valueName: "NAME"))
    var customerLabels: [String] = []

    @Option(name: .customLong("agent-label"),
            help: ArgumentHelp("An agent's or the bot's speaker name; repeat for several (default Agent and Bot).", valueName: "NAME"))
    var agentLabels: [String] = []

    @Option(name: .customLong("transcript-id-column"),
            help: ArgumentHelp("The conversation id column of CSV transcripts (default conversation_id).", valueName: "NAME"))
    var idColumn: String?

    @Option(name: .customLong("transcript-role-column"),
            help: ArgumentHelp("The speaker column of CSV transcripts (default role).", valueName: "NAME"))
    var roleColumn: String?

    @Option(name: .customLong("transcript-text-column"),
            help: ArgumentHelp("The message column of CSV transcripts (default text).", valueName: "NAME"))
    var textColumn: String?

    @Option(name: .customLong("transcript-time-column"),
            help: ArgumentHelp("The optional time column of CSV transcripts (default time).", valueName: "NAME"))
    var timeColumn: String?

    func validate() throws {
        for label in customerLabels + agentLabels where label.contains(":") || label.allSatisfy(\.isWhitespace) {
            throw ValidationError("A speaker name must be non-empty and without \":\" (got \"\(label)\").")
        }
        let shared = Set(customerLabels.map { $0.lowercased() }).intersection(agentLabels.map { $0.lowercased() })
        if let label = shared.first { throw ValidationError("\"\(label)\" cannot name both the customer and an agent.") }
    }

    /// The reading options these flags select.
    var readOptions: TranscriptReadOptions {
        var options = TranscriptReadOptions(format: format)
        if !customerLabels.isEmpty { options.customerLabels = customerLabels }
        if !agentLabels.isEmpty { options.agentLabels = agentLabels }
        if let idColumn { options.columns.conversationID = idColumn }
        if let roleColumn { options.columns.role = roleColumn }
        if let textColumn { options.columns.text = textColumn }
        if let timeColumn { options.columns.time = timeColumn }
        return options
    }
}

extension TranscriptFileFormat: ExpressibleByArgument {}
