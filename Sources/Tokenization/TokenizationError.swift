// The one error type of the Tokenization module: bad tokenizer files and bad training input.

/// Why a tokenizer could not be loaded, saved or trained. Carries the file and a JSON path, never text.
public struct TokenizationError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file involved, if any.
    public var file: String?
    /// What went wrong, e.g. `model.merges[12]: unknown token "Ġx"`.
    public var message: String

    /// An error about `file` (nil when not about a file).
    public init(_ message: String, file: String? = nil) {
        self.message = message
        self.file = file
    }

    /// The same error attributed to `file`.
    public func inFile(_ file: String) -> TokenizationError {
        TokenizationError(message, file: self.file ?? file)
    }

    public var description: String {
        if let file { return "\(file): \(message)" }
        return message
    }
}
