// The loop of `chatbot chat`, the same for the terminal and for piped input: read a line, send a
// message to the engine or run a command, print the reply. Output goes through two closures so
// tests can drive a session in-process.
import ConversationStorage
import Dialogue
import Foundation

/// A chat session over a `DialogueEngine`.
package final class ChatSession {
    /// How replies are printed.
    package enum Style {
        /// Interactive: labelled, optionally coloured replies and notices on standard output.
        case terminal
        /// One reply per line (details and notices on standard error).
        case lines
        /// One JSON object per reply (notices on standard error).
        case jsonLines
    }

    let engine: DialogueEngine
    let style: Style
    let verbose: Bool
    let formatter: ChatTurnFormatter
    /// Prints a line on standard output.
    let output: (String) -> Void
    /// Prints a notice: standard output on a terminal, standard error otherwise.
    let notice: (String) -> Void

    /// A session printing through `output` and `notice`.
    package init(engine: DialogueEngine, style: Style, verbose: Bool, colour: Bool, unicode: Bool = true,
         output: @escaping (String) -> Void, notice: @escaping (String) -> Void) {
        self.engine = engine
        self.style = style
        self.verbose = verbose
        self.formatter = ChatTurnFormatter(colour: colour && style == .terminal, unicode: unicode)
        self.output = output
        self.notice = notice
    }

    /// Reads lines from `next` until it returns nil or `/quit`, then ends the conversation.
    package func run(prompt: String, next: (String) -> String?) {
        while let line = next(prompt) {
            let carryOn = ChatInterrupt.whileBusy { handle(line) }
            if !carryOn || ChatInterrupt.wasRequested { break }
        }
        finish()
    }

    /// Handles one input line; false when the session should end.
    package func handle(_ line: String) -> Bool {
        switch ChatInputLine(line) {
        case .empty: return true
        case .quit: return false
        case .help: notice(ChatInputLine.helpText)
        case let .message(text): show(engine.respond(to: text))
        case let .rate(good): feedback(good ? "rated the last reply good" : "rated the last reply bad") {
            try engine.rateLastReply(good: good)
        }
        case let .intent(name): feedback("stored intent \(name) for the last message") {
            try engine.correctLastIntent(name)
        }
        case let .reply(text): feedback("stored a better reply for the last message") {
            try engine.suggestReply(text)
        }
        case .newConversation:
            do {
                try engine.startNewConversation()
                notice(formatter.notice("— new conversation —"))
            } catch {
                notice(formatter.notice("could not close the conversation: \(error.message)", warning: true))
            }
        case let .invalid(problem): notice(formatter.notice(problem, warning: true))
        }
        return true
    }

    /// Ends the current conversation as closed (a handed-off one keeps its status).
    package func finish() {
        do {
            try engine.end(status: .closed)
        } catch {
            notice(formatter.notice("could not close the conversation: \(error.message)", warning: true))
        }
    }

    private func feedback(_ done: String, _ body: () throws -> Feedback) {
        do {
            _ = try body()
            notice(formatter.notice("✓ \(done)"))
        } catch {
            notice(formatter.notice(String(describing: error), warning: true))
        }
    }

    private func show(_ turn: TurnResult) {
        switch style {
        case .jsonLines:
            output(ChatTurnFormatter.json(turn))
        case .lines:
            output(turn.reply.replacingOccurrences(of: "\n", with: " "))
            if verbose { notice(formatter.details(turn)) }
        case .terminal:
            output("\(formatter.botLabel) \(turn.reply)")
            if verbose { output("      " + formatter.notice(formatter.details(turn))) }
        }
        if let error = turn.error { notice(formatter.notice("error in this turn: \(error)", warning: true)) }
        if let problem = turn.storageError { notice(formatter.notice("not stored: \(problem)", warning: true)) }
        if turn.handedOff, style == .terminal {
            output(formatter.notice("— handed off to a human; your next message starts a new conversation —", warning: true))
        }
    }
}
