// Ctrl-C (SIGINT), SIGTERM and SIGHUP during `chatbot chat`: while the session waits for input,
// the handler ends the conversation, restores the terminal and exits 0; during a turn it only
// sets a flag, and the loop stops once the turn is stored.
import Chatbot
import ConversationStorage
import Foundation
import Synchronization

/// The session's signal handling (one session per process).
enum ChatInterrupt {
    /// True while a line is being handled (engine and store may hold locks).
    private static let busy = Atomic<Bool>(false)
    /// True once a signal arrived during a turn.
    private static let requested = Atomic<Bool>(false)
    /// What the handler needs; set once before the handler is installed.
    nonisolated(unsafe) private static var engine: DialogueEngine?
    nonisolated(unsafe) private static var terminal: termios?

    /// Installs the handler for `engine`, restoring `terminal` settings (if any) before exiting.
    static func install(engine: DialogueEngine, terminal: termios?) {
        Self.engine = engine
        Self.terminal = terminal
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signalNumber in ChatInterrupt.handle(signalNumber) }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signalNumber, &action, nil)
        }
    }

    /// Runs `body` marked busy, so a signal meanwhile waits for it to finish.
    static func whileBusy<T>(_ body: () -> T) -> T {
        busy.store(true, ordering: .sequentiallyConsistent)
        defer { busy.store(false, ordering: .sequentiallyConsistent) }
        return body()
    }

    /// Whether a signal arrived during the last turn.
    static var wasRequested: Bool { requested.load(ordering: .sequentiallyConsistent) }

    private static func handle(_ signalNumber: Int32) {
        if busy.load(ordering: .sequentiallyConsistent) {
            requested.store(true, ordering: .sequentiallyConsistent)
            return
        }
        if var settings = terminal { tcsetattr(STDIN_FILENO, TCSANOW, &settings) }
        try? engine?.end(status: .closed)
        let newline: [UInt8] = [0x0A]
        _ = newline.withUnsafeBufferPointer { write(STDOUT_FILENO, $0.baseAddress, 1) }
        exit(0)
    }
}
