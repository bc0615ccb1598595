// `chatbot answer`: answers ticket files (CSV, JSON Lines) in batch — intents, entities,
// sentiment, a framed reply and a route per ticket — in input order, resumably, with N jobs;
// or, with --enqueue / --worker / --collect, through the PostgreSQL work queue.
import ArgumentParser
import ConversationStorage
import Dialogue
import FileFormats
import Foundation
import Primitives
import TicketAnswering

/// Answers a backlog of tickets.
struct AnswerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answer",
        abstract: "Answer ticket files in batch: intent, sentiment, reply and route per ticket.",
        discussion: """
            Reads CSV or JSON Lines tickets (columns or keys id, subject, body or text or message, \
            customer, created) and writes one answer per ticket, in input order, as JSON Lines \
            (default) or CSV. Re-running with the same output resumes: tickets already answered \
            (by id, else by a hash of the text) are skipped, and a half-written last line is \
            dropped. Records that cannot be read go to the errors file (default OUT.errors.jsonl, \
            standard error without -o); the exit status is 2 when any failed. Every answered \
            ticket is stored (channel ticket) unless --no-store.

            Many machines: --enqueue loads the files into the store's tickets table, any number \
            of --worker NAME processes answer them (claiming batches under a lease), and \
            --collect OUT writes the answers file.
            """)

    @Argument(help: ArgumentHelp("Ticket files: .csv, .jsonl, e-mail (.eml, a folder of .eml, .mbox).",
                                 valueName: "FILE"))
    var inputs: [String] = []

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The answers file (default: standard output).", valueName: "OUT"))
    var output: String?

    @Option(name: .long, help: "jsonl or csv (default: from the output's extension, else jsonl).")
    var format: String?

    @Option(name: .long, help: "Read every input as csv or jsonl, whatever its extension.")
    var inputFormat: String?

    @Option(name: .long, help: "Parallel analysis jobs, each with its own copy of the model (default: the number of cores).")
    var jobs: Int?

    @OptionGroup var model: ModelOptions

    @Option(name: .long, help: ArgumentHelp("The intents folder (replies, slots, _ticket.yaml).", valueName: "DIR"))
    var intents = "intents"

    @Flag(name: .long, help: "Leave out the greeting and sign-off.")
    var plain = false

    @Flag(name: .long, help: "Answer with template replies only (no generation).")
    var templateReplies = false

    @Option(name: .long, help: ArgumentHelp("Where unreadable records are listed (JSON Lines).", valueName: "FILE"))
    var errors: String?

    @Flag(name: .long, help: "Start the output afresh instead of resuming it.")
    var restart = false

    @Flag(name: .long, help: "Do not store the tickets and answers in the conversation store.")
    var noStore = false

    @OptionGroup var columns: TicketColumnOptions

    @OptionGroup var queue: TicketQueueOptions

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let format, TicketOutputFormat(rawValue: format) == nil { throw ValidationError("--format must be jsonl or csv") }
        if let inputFormat, TicketInputFormat(rawValue: inputFormat) == nil {
            throw ValidationError("--input-format must be one of \(TicketInputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        try queue.validate(inputs: inputs)
    }

    func run() throws {
        if queue.isQueueMode {
            try TicketQueueRun(command: self).run()
            return
        }
        let setup = try AnswerSetup(command: self)
        let outputFormat = outputFormatChosen
        let file = try AnswerCommand.failing { try TicketAnswerFile(path: output, format: outputFormat, resume: !restart) }
        let sources = try inputs.map { path in
            try AnswerCommand.failing { try TicketInputFormat.open(path, format: inputFormat.flatMap(TicketInputFormat.init(rawValue:)),
                                                                   fields: columns.fields) }
        }
        let failures = try AnswerCommand.failing { try TicketFailureLog(path: errors ?? output.map { $0 + ".errors.jsonl" }) }
        // Without an fsync per commit: the answers file is the run's record and a re-run stores nothing twice.
        let archive = noStore ? nil : TicketArchive(store: try store.open(policy: setup.catalog.domain.storagePolicy,
                                                                          fsyncEveryCommit: false))
        let progress = TicketProgressLine(total: TicketProgressLine.estimatedTotal(inputs))
        let interrupt = AnswerInterrupt.install()
        let started = ContinuousClock.now
        var storeProblem: String?
        let summary = try AnswerCommand.failing {
            try TicketBatchRunner(analysers: setup.analysers).run(
                sources: sources, skip: file.answeredKeys,
                write: { answers in
                    try file.append(answers)
                    guard let archive, storeProblem == nil else { return }
                    do { for answer in answers { try archive.store(answer) } } catch { storeProblem = String(describing: error) }
                },
                failure: failures.record, progress: progress.update, shouldStop: interrupt.wasRequested)
        }
        progress.finish()
        try AnswerCommand.failing { try file.close() }
        try failures.close()
        let seconds = (ContinuousClock.now - started).seconds
        FileHandle.standardError.write(Data((summary.table(seconds: seconds) + "\n").utf8))
        if let storeProblem { FileHandle.standardError.write(Data("note: storing the answers failed: \(storeProblem)\n".utf8)) }
        if summary.interrupted { throw ExitCode(130) }
        if summary.failed > 0 { throw ExitCode(2) }
    }

    /// The jobs: --jobs, else the number of cores.
    var jobCount: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }

    /// The output format: --format, else from the output's extension, else JSON Lines.
    var outputFormatChosen: TicketOutputFormat {
        if let format, let chosen = TicketOutputFormat(rawValue: format) { return chosen }
        return output.map { URL(fileURLWithPath: $0).pathExtension.lowercased() == "csv" } == true ? .csv : .jsonl
    }

    /// Runs `body`, turning the library's errors into one-line command failures.
    static func failing<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as TicketAnsweringError {
            throw CommandFailure(error.message)
        }
    }
}
