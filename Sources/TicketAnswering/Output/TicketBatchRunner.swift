// The answering loop: tickets read in chunks from every source, analysed by `jobs` analysers in
// parallel (each a contiguous slice, so the order stays the input's), the chunk written as whole
// records, then stored; tickets already answered are skipped, failures reported as they come.
import Foundation

/// Runs analysers over ticket sources, in parallel with a stable order.
public final class TicketBatchRunner {
    /// One analyser per job (each with its own model: analysers are not thread-safe).
    public let analysers: [TicketAnalyser]
    /// Tickets per analyser per chunk.
    public let batchSize: Int

    /// A runner with one job per analyser.
    public init(analysers: [TicketAnalyser], batchSize: Int = 64) {
        precondition(!analysers.isEmpty, "a runner needs an analyser")
        self.analysers = analysers
        self.batchSize = max(1, batchSize)
    }

    /// Answers every ticket of `sources` whose key is not in `skip`, in order.
    ///
    /// - Parameters:
    ///   - write: receives each chunk's answers in input order (the answers file, the store).
    ///   - failure: receives each record that could not be read or answered.
    ///   - progress: called after each chunk with the totals so far.
    ///   - shouldStop: checked between chunks (a signal); the run then ends with the chunk done.
    public func run(sources: [any TicketSource], skip: Set<String> = [],
                    write: ([TicketAnswer]) throws -> Void, failure: (TicketReadFailure) throws -> Void,
                    progress: (TicketRunSummary) -> Void = { _ in },
                    shouldStop: () -> Bool = { false }) throws -> TicketRunSummary {
        var summary = TicketRunSummary()
        var chunk: [TicketRequest] = []
        let chunkSize = batchSize * analysers.count
        for source in sources {
            while let item = try source.next() {
                switch item {
                case let .failure(problem):
                    summary.failed += 1
                    try failure(problem)
                case let .ticket(ticket):
                    if skip.contains(ticket.key) {
                        summary.skipped += 1
                        continue
                    }
                    chunk.append(ticket)
                }
                if chunk.count >= chunkSize {
                    try process(chunk, into: &summary, write: write, failure: failure)
                    chunk.removeAll(keepingCapacity: true)
                    progress(summary)
                    if shouldStop() {
                        summary.interrupted = true
                        return summary
                    }
                }
            }
        }
        try process(chunk, into: &summary, write: write, failure: failure)
        progress(summary)
        return summary
    }

    /// Answers one chunk: slices analysed in parallel, then written in order.
    private func process(_ chunk: [TicketRequest], into summary: inout TicketRunSummary,
                         write: ([TicketAnswer]) throws -> Void, failure: (TicketReadFailure) throws -> Void) throws {
        guard !chunk.isEmpty else { return }
        let jobs = min(analysers.count, chunk.count)
        let sliceSize = (chunk.count + jobs - 1) / jobs
        let slices = stride(from: 0, to: chunk.count, by: sliceSize).map { Array(chunk[$0..<min(chunk.count, $0 + sliceSize)]) }
        let results = SliceResults(count: slices.count, analysers: analysers)
        DispatchQueue.concurrentPerform(iterations: slices.count) { index in
            results.answer(slices[index], at: index)
        }
        var answers: [TicketAnswer] = []
        for (slice, result) in zip(slices, results.values) {
            switch result {
            case let .success(sliceAnswers)?: answers += sliceAnswers
            case let .failure(error)?:
                for ticket in slice {
                    summary.failed += 1
                    try failure(TicketReadFailure(location: ticket.location, reason: "analysis failed: \(error)"))
                }
            case nil: break
            }
        }
        try write(answers)
        for answer in answers { summary.record(answer) }
    }
}

/// The parallel slices' analysers and results: slice `index` is answered by analyser `index`
/// alone, on one thread, so each analyser stays on one thread at a time.
private final class SliceResults: @unchecked Sendable {
    private var results: [Result<[TicketAnswer], any Error>?]
    private let analysers: [TicketAnalyser]
    private let lock = NSLock()

    init(count: Int, analysers: [TicketAnalyser]) {
        results = Array(repeating: nil, count: count)
        self.analysers = analysers
    }

    func answer(_ slice: [TicketRequest], at index: Int) {
        let result = Result { try analysers[index].answer(slice) }
        lock.withLock { results[index] = result }
    }

    var values: [Result<[TicketAnswer], any Error>?] { lock.withLock { results } }
}
