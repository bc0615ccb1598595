// Ctrl-C (SIGINT), SIGTERM and SIGHUP during `chatbot chat`, received through dispatch signal
// sources, so no store I/O or `exit` runs inside a signal handler: while the session waits for
// input, the handler (on its own queue) ends the conversation, replays the spool (PostgreSQL),
// restores the terminal and exits 0; during a turn it only notes the request, and the loop stops
// once the turn is stored.
import ConversationStorage
import Dialogue
import Dispatch
import Foundation
import Synchronization

/// The session's signal handling (one session per process).
enum ChatInterrupt {
    private struct State {
        /// True while a line is being handled (engine and store may hold locks).
        var busy = false
        /// True once a signal arrived during a turn.
        var requested = false
    }

    private static let state = Mutex(State())
    private static let queue = DispatchQueue(label: "chatbot.chat.signals")
    /// The installed sources, kept alive for the life of the process; set once before any signal.
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    /// Routes the signals to `engine`, restoring `terminal` settings (if any) and running
    /// `onExit` (the spool replay) after ending the conversation, before exiting.
    static func install(engine: DialogueEngine, terminal: termios?, onExit: @escaping @Sendable () -> Void) {
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, SIG_IGN)  // the default action would kill the process before the source sees it
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler { stop(engine: engine, terminal: terminal, onExit: onExit) }
            source.resume()
            sources.append(source)
        }
    }

    /// Runs `body` marked busy, so a signal meanwhile waits for it to finish.
    static func whileBusy<T>(_ body: () -> T) -> T {
        state.withLock { $0.busy = true }
        defer { state.withLock { $0.busy = false } }
        return body()
    }

    /// Whether a signal arrived during the last turn.
    static var wasRequested: Bool { state.withLock { $0.requested } }

    /// On the signal queue: notes the request during a turn; otherwise ends the session and the
    /// process while holding the state lock, so that no turn can start meanwhile.
    private static func stop(engine: DialogueEngine, terminal: termios?, onExit: () -> Void) {
        state.withLock { state in
            if state.busy {
                state.requested = true
                return
            }
            if var settings = terminal { tcsetattr(STDIN_FILENO, TCSANOW, &settings) }
            try? engine.end(status: .closed)
            onExit()
            FileHandle.standardOutput.write(Data("\n".utf8))
            exit(0)
        }
    }
}
