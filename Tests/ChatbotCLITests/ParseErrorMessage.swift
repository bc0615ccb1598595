// The message argument-parser prints for a command line it rejects, so tests can assert the
// specific validation error rather than that some error was thrown.
import ArgumentParser
import ChatbotCLI
import Testing

/// The error message for `arguments` (without the `Error: ` prefix), or nil when they parse.
func parseErrorMessage(_ arguments: [String]) -> String? {
    do {
        _ = try ChatbotCommand.parseAsRoot(arguments)
        return nil
    } catch {
        return ChatbotCommand.message(for: error)
    }
}
