// The queue flags of `chatbot answer`: --enqueue, --worker NAME [--follow], --collect OUT, and
// the batch size and lease of a worker's claims.
import ArgumentParser

/// `--enqueue`, `--worker NAME`, `--follow`, `--collect OUT`, `--batch N`, `--lease SECONDS`.
struct TicketQueueOptions: ParsableArguments {
    @Flag(name: .long, help: "Load the ticket files into the store's queue instead of answering them.")
    var enqueue = false

    @Option(name: .long, help: ArgumentHelp("Answer queued tickets as this worker until the queue is empty.", valueName: "NAME"))
    var worker: String?

    @Flag(name: .long, help: "With --worker: wait for new tickets instead of exiting when the queue is empty.")
    var follow = false

    @Option(name: .long, help: ArgumentHelp("Write the answers of the queue's done tickets to this file (JSON Lines).",
                                            valueName: "OUT"))
    var collect: String?

    @Option(name: .long, help: "Tickets a worker claims at once.")
    var batch = 32

    @Option(name: .long, help: ArgumentHelp("Seconds a claim lasts before another worker may take the tickets.", valueName: "SECONDS"))
    var lease: Double = 60

    /// Whether a queue flag was given.
    var isQueueMode: Bool { enqueue || worker != nil || collect != nil }

    func validate(inputs: [String]) throws {
        let modes = [enqueue, worker != nil, collect != nil].filter { $0 }.count
        if modes > 1 { throw ValidationError("Give one of --enqueue, --worker NAME and --collect OUT.") }
        if follow && worker == nil { throw ValidationError("--follow goes with --worker NAME.") }
        if batch < 1 || lease <= 0 { throw ValidationError("--batch and --lease must be positive.") }
        if worker?.isEmpty == true { throw ValidationError("--worker needs a name.") }
        if (enqueue || modes == 0) && inputs.isEmpty { throw ValidationError("Name at least one ticket file.") }
        if (worker != nil || collect != nil) && !inputs.isEmpty {
            throw ValidationError("--worker and --collect read the queue, not files.")
        }
    }
}
