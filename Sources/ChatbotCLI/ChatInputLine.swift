// One line typed in `chatbot chat`: a customer message or a slash command (`/help`, `/good`,
// `/bad`, `/intent NAME`, `/reply TEXT`, `/new`, `/quit`).
import Foundation

/// What a line of chat input asks for.
package enum ChatInputLine: Equatable {
    /// A message from the customer.
    case message(String)
    /// Show the commands.
    case help
    /// Rate the last reply good or bad.
    case rate(good: Bool)
    /// Correct the last message's intent.
    case intent(String)
    /// Record a better reply to the last message.
    case reply(String)
    /// Start a new conversation.
    case newConversation
    /// End the session.
    case quit
    /// Nothing to do (an empty line).
    case empty
    /// A slash command that is unknown or lacks its argument; the text says which.
    case invalid(String)

    /// Reads one line. A line starting with `/` is a command; `//text` sends `/text` as a message.
    package init(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("/") else {
            self = trimmed.isEmpty ? .empty : .message(trimmed)
            return
        }
        if trimmed.hasPrefix("//") {
            self = .message(String(trimmed.dropFirst()))
            return
        }
        let parts = trimmed.dropFirst().split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        let name = parts.first.map { $0.lowercased() } ?? ""
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        switch name {
        case "help", "?": self = .help
        case "good": self = .rate(good: true)
        case "bad": self = .rate(good: false)
        case "new": self = .newConversation
        case "quit", "exit": self = .quit
        case "intent": self = argument.isEmpty ? .invalid("usage: /intent NAME") : .intent(argument)
        case "reply": self = argument.isEmpty ? .invalid("usage: /reply TEXT") : .reply(argument)
        default: self = .invalid("unknown command /\(name) (try /help)")
        }
    }

    /// The text `/help` prints.
    package static let helpText = """
        Type a message as the customer. Commands:
          /good            the last reply was good
          /bad             the last reply was bad
          /intent NAME     the last message meant intent NAME
          /reply TEXT      a better reply to the last message
          /new             start a new conversation
          /quit            end the session (Ctrl-D and Ctrl-C too)
        Start a message with // to send a text that begins with /.
        """
}
