// Where `chatbot chat` gets its lines: libedit's readline (line editing and in-memory history)
// on a terminal, plain standard input otherwise.
import CEditLine
import Foundation

/// Reads input lines; nil at end of input.
enum ChatLineReader {
    /// Whether standard input and output are both terminals.
    static var isInteractive: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

    /// The terminal settings to restore on exit, if standard input is a terminal.
    static func terminalSettings() -> termios? {
        var settings = termios()
        return tcgetattr(STDIN_FILENO, &settings) == 0 ? settings : nil
    }

    /// A line from libedit with `prompt`, added to the history when not empty. The history is
    /// kept in memory only: customer text is not written to a history file.
    static func editedLine(prompt: String) -> String? {
        guard let raw = readline(prompt) else { return nil }
        defer { free(raw) }
        let line = String(cString: raw)
        if !line.trimmingCharacters(in: .whitespaces).isEmpty { add_history(raw) }
        return line
    }

    /// A line of standard input without its newline (the prompt is ignored).
    static func plainLine(prompt: String) -> String? {
        readLine(strippingNewline: true)
    }
}
