// Loading the intents folder a command was given, with one wording for a malformed folder.
import FileFormats
import Foundation

extension IntentCatalog {
    /// Loads the intents folder at `path`; a malformed file becomes a `CommandFailure` naming it.
    static func loadForCommand(_ path: String) throws -> IntentCatalog {
        do {
            return try IntentCatalog.load(from: URL(fileURLWithPath: path), displayPath: path)
        } catch let error as FileFormatError {
            throw CommandFailure("cannot load the intents:\n\(error.description)")
        }
    }
}
