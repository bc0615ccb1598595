// The queue side of `chatbot answer`: enqueue files, work as a named worker, or collect the
// answers; each one line of counts on standard error.
import ArgumentParser
import ConversationStorage
import Foundation
import TicketAnswering

/// Runs `chatbot answer --enqueue | --worker | --collect`.
struct TicketQueueRun {
    let command: AnswerCommand

    func run() throws {
        let options = command.queue
        let store = try command.store.open(policy: .standard)
        var queue = TicketQueue(store: store)
        queue.batchSize = options.batch
        queue.lease = options.lease
        if options.enqueue {
            try enqueue(queue)
        } else if let worker = options.worker {
            try work(queue, as: worker, store: store)
        } else if let collect = options.collect {
            try self.collect(queue, into: collect)
        }
    }

    private func enqueue(_ queue: TicketQueue) throws {
        let failures = try AnswerCommand.failing { try TicketFailureLog(path: command.errors) }
        var enqueued = 0, failed = 0
        for path in command.inputs {
            let format = command.inputFormat.flatMap(TicketInputFormat.init(rawValue:))
            let (done, bad) = try AnswerCommand.failing {
                try queue.enqueue(try TicketInputFormat.open(path, format: format, fields: command.columns.fields),
                                  failure: failures.record)
            }
            enqueued += done
            failed += bad
        }
        try failures.close()
        note("enqueued \(enqueued) tickets, \(failed) errors")
        if failed > 0 { throw ExitCode(2) }
    }

    private func work(_ queue: TicketQueue, as worker: String, store: any ConversationStore) throws {
        let setup = try AnswerSetup(command: command)
        let archive = command.noStore ? nil : TicketArchive(store: store)
        let interrupt = AnswerInterrupt.install()
        let runner = TicketBatchRunner(analysers: setup.analysers, batchSize: max(1, command.queue.batch / setup.analysers.count))
        let completed = try AnswerCommand.failing {
            try queue.work(as: worker, runner: runner, follow: command.queue.follow, shouldStop: interrupt.wasRequested) { answers in
                for answer in answers { try? archive?.store(answer) }
            }
        }
        note("worker \(worker): answered \(completed) tickets")
    }

    private func collect(_ queue: TicketQueue, into path: String) throws {
        guard command.outputFormatChosen == .jsonl || command.format == nil else {
            throw CommandFailure("--collect writes JSON Lines only")
        }
        let sink = try OutputSink(path: path)
        let counts = try AnswerCommand.failing {
            try queue.collect { line in try sink.write(line + "\n") }
        }
        try sink.close()
        note(TicketStatus.allCases.map { "\($0.rawValue) \(counts[$0] ?? 0)" }.joined(separator: ", "))
        if (counts[.failed] ?? 0) > 0 || (counts[.queued] ?? 0) + (counts[.claimed] ?? 0) > 0 { throw ExitCode(2) }
    }

    private func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
