// Finds the model a command uses: the --model folder if given, else the active version in
// models/, and loads it as a `ChatModelUnderstanding` with a clear message when that fails.
import Chatbot
import Foundation
import Sentiment

/// Resolves and loads the model of `--model DIR` or the active version.
package enum ModelLocation {
    /// The checkpoint folder: `model` if given, else the active version (nil when there is none).
    package static func directory(model: String?, registry: ModelRegistry = ModelRegistry()) -> URL? {
        if let model { return URL(fileURLWithPath: model) }
        return registry.activeModelDirectory()
    }

    /// Loads the model; throws `CommandFailure` when there is none or it does not load.
    static func loadUnderstanding(model: String?, registry: ModelRegistry = ModelRegistry()) throws -> ChatModelUnderstanding {
        guard let directory = directory(model: model, registry: registry) else {
            throw CommandFailure("no model: \(registry.root.path)/\(ModelRegistry.activeFileName) names no trained version; run `chatbot train` or pass --model DIR")
        }
        return try load(directory)
    }

    /// Loads the checkpoint at `directory`.
    static func load(_ directory: URL) throws -> ChatModelUnderstanding {
        do {
            return try ChatModelUnderstanding(contentsOf: directory)
        } catch {
            throw CommandFailure("cannot load the model in \(directory.path): \(error)")
        }
    }

    /// How the model in `directory` combines its sentiment head with the lexicon.
    static func sentimentCombination(in directory: URL) throws -> SentimentCombination {
        do {
            return try ModelSentiment.combination(in: directory)
        } catch {
            throw CommandFailure("cannot load the model in \(directory.path): \(error)")
        }
    }
}
