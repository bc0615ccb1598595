// Finds the model a command uses: the --model folder if given, else the active version in
// models/, and loads it as a `ChatModelUnderstanding` with a clear message when that fails.
import Dialogue
import FileFormats
import Foundation
import LanguageModeling
import ModelLifecycle
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

    /// Loads the checkpoint at `directory` as an understanding (it must know intents).
    package static func load(_ directory: URL) throws -> ChatModelUnderstanding {
        try checkFolder(directory)
        do {
            return try ChatModelUnderstanding(contentsOf: directory)
        } catch {
            throw failure(loading: directory, error)
        }
    }

    /// Loads the checkpoint at `directory`.
    static func loadModel(_ directory: URL) throws -> ChatModel {
        try checkFolder(directory)
        do {
            return try ChatModel.load(from: directory)
        } catch {
            throw failure(loading: directory, error)
        }
    }

    /// Throws the one wording every command uses when `directory` is missing or holds no model.
    package static func checkFolder(_ directory: URL) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw CommandFailure("no model folder at \(directory.path): it does not exist (train one with `chatbot train`, or name the folder of a trained version)")
        }
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent("config.json").path) else {
            throw CommandFailure("\(directory.path) is not a model folder: it has no config.json "
                                 + "(a model folder from `chatbot train` holds config.json, model.safetensors and tokenizer.json)")
        }
    }

    /// A loading failure in words, without the library's internal error names.
    static func failure(loading directory: URL, _ error: any Error) -> CommandFailure {
        let reason = switch error {
        case let error as ChatModelError: error.message
        case let error as FileFormatError: error.problems.map(\.message).joined(separator: "; ")
        default: String(describing: error)
        }
        return CommandFailure("cannot load the model in \(directory.path): \(reason)")
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
