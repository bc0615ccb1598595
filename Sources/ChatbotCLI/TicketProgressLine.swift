// Progress of `chatbot answer` on standard error, only on a terminal: tickets done, tickets/s
// and the time left, redrawn in place at most ten times a second.
import FileFormats
import Foundation
import Primitives
import TicketAnswering

/// The answering progress line.
final class TicketProgressLine {
    private let total: Int?
    private let redraws: Bool
    private let started = ContinuousClock.now
    private var lastDraw = ContinuousClock.now
    private var drawn = false

    /// A line for about `total` tickets (nil when unknown); silent unless standard error is a terminal.
    init(total: Int?, redraws: Bool = isatty(STDERR_FILENO) == 1) {
        self.total = total
        self.redraws = redraws
    }

    /// Redraws with the totals so far.
    func update(_ summary: TicketRunSummary) {
        guard redraws, ContinuousClock.now - lastDraw > .milliseconds(100) else { return }
        lastDraw = ContinuousClock.now
        let done = summary.answered + summary.skipped + summary.failed
        let seconds = max(0.001, (ContinuousClock.now - started).seconds)
        let rate = Double(summary.answered) / seconds
        var line = "\(done) tickets · \(Int(rate.rounded()))/s · \(summary.failed) errors"
        if let total, total > 0 {
            let fraction = min(1, Double(done) / Double(total))
            let filled = Int((fraction * 24).rounded())
            let left = rate > 0 ? Double(max(0, total - done)) / rate : 0
            line = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: 24 - filled) + "] "
                + line + String(format: " · ETA %.0fs", left)
        }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
        drawn = true
    }

    /// Ends the line so the summary starts on its own.
    func finish() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    /// The number of lines of `paths` (an upper bound of their tickets, for the ETA), counted only on a terminal.
    static func estimatedTotal(_ paths: [String]) -> Int? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        var lines = 0
        for path in paths {
            guard let reader = try? ByteChunkReader(contentsOf: URL(fileURLWithPath: path)) else { return nil }
            while let chunk = try? reader.nextChunk() { lines += chunk.reduce(0) { $0 + ($1 == 10 ? 1 : 0) } }
        }
        return lines
    }
}
