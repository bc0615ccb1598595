// Where `chatbot chat` gets its lines: libedit's readline (line editing and in-memory history)
// on a terminal, plain standard input otherwise.
import CEditLine
import Foundation

/// Reads input lines; nil at end of input.
enum ChatLineReader {
    /// Whether standard input and output are both terminals.
    static var isInteractive: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

    /// Sets the character type locale from the environment, which libedit needs for anything
    /// beyond ASCII (without it a non-ASCII prompt crashes libedit 3.1); true if it is UTF-8.
    static func prepareLocale() -> Bool {
        guard let name = setlocale(LC_CTYPE, "") else { return false }
        let locale = String(cString: name).lowercased()
        return locale.contains("utf-8") || locale.contains("utf8")
    }

    /// The terminal settings to restore on exit, if standard input is a terminal.
    static func terminalSettings() -> termios? {
        var settings = termios()
        return tcgetattr(STDIN_FILENO, &settings) == 0 ? settings : nil
    }

    /// A line from libedit with `prompt`, added to the history when not empty. The history is
    /// kept in memory only: customer text is not written to a history file.
    static func editedLine(prompt: String) -> String? {
        guard let raw = readline(prompt) else {
            FileHandle.standardOutput.write(Data("\n".utf8))  // Ctrl-D leaves the cursor after the prompt
            return nil
        }
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
