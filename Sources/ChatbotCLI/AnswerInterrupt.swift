// Ctrl-C and SIGTERM during `chatbot answer`: noted through dispatch signal sources, and the run
// stops after the chunk in hand, so the answers file ends with whole records (see ChatInterrupt).
import Dispatch
import Foundation
import Synchronization

/// A stop request from a signal.
final class AnswerInterrupt: Sendable {
    private let requested = Mutex(false)
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    /// Routes SIGINT and SIGTERM to a new request flag (once per process).
    static func install() -> AnswerInterrupt {
        let interrupt = AnswerInterrupt()
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { interrupt.requested.withLock { $0 = true } }
            source.resume()
            sources.append(source)
        }
        return interrupt
    }

    /// Whether a signal arrived.
    func wasRequested() -> Bool { requested.withLock { $0 } }
}
