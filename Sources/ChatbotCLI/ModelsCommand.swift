// `chatbot models`: the model registry — versions in the store's model_versions table with their
// weights in models/ (models/ACTIVE is a cache of the table): list, show one, activate, roll back,
// quantise.
import ArgumentParser
import ConversationStorage
import FileFormats
import Foundation
import LanguageModeling
import ModelLifecycle

/// Lists, shows, activates and rolls back model versions.
struct ModelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "List, show, activate, roll back or quantise model versions.",
        discussion: """
            The versions are rows of the store's model_versions table (parent, data hash, metrics, \
            status: active, candidate, rejected, retired) with their weights in models/<name>/; \
            models/ACTIVE caches the active one. Folders the table does not know yet are added to it.
            """,
        subcommands: [List.self, Show.self, Activate.self, Rollback.self, Quantize.self],
        defaultSubcommand: List.self)

    /// The registry in models/ recorded in the store of `options`.
    static func registry(_ options: StoreOptions) throws -> ModelRegistry {
        ModelRegistry(store: try options.open())
    }

    /// Runs `body`, turning registry and store errors into one-line failures.
    static func failing<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as FileFormatError {
            throw CommandFailure(error.problems.map(\.message).joined(separator: "; "))
        } catch let error as StorageError {
            throw CommandFailure(error.message)
        }
    }

    /// `chatbot models list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the versions; * marks the active one.")

        @OptionGroup var store: StoreOptions

        func run() throws {
            let versions = try ModelsCommand.failing { try ModelsCommand.registry(store).list() }
            guard !versions.isEmpty else {
                print("no trained models in models/ (run `chatbot train`)")
                return
            }
            for version in versions {
                let parent = version.parent.map { "  from \($0)" } ?? ""
                print("\(version.isActive ? "*" : " ") \(version.name)  \(version.status?.rawValue ?? "")\(parent)")
            }
        }
    }

    /// `chatbot models show ID`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one version: status, parent, data, metrics.")

        @Argument(help: "The version's folder name in models/.")
        var name: String

        @OptionGroup var store: StoreOptions

        func run() throws {
            let version = try ModelsCommand.failing { try ModelsCommand.registry(store).version(named: name) }
            print("version:  \(version.name)")
            print("status:   \(version.status?.rawValue ?? "")")
            print("parent:   \(version.parent ?? "none (trained from scratch)")")
            print("folder:   \(version.directory.path)")
            print("data:     \(version.dataHash ?? "unknown")")
            if let record = try? TrainingRecord.load(from: version.directory) {
                print("sources:  \(record.sources.joined(separator: ", "))")
                print("examples: \(record.trainingExamples) training, \(record.validationExamples) validation, \(record.intents.count) intents")
            }
            print("metrics:  \(version.metricsJSON)")
        }
    }

    /// `chatbot models activate ID`.
    struct Activate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make a version the active one (the previous one is retired).")

        @Argument(help: "The version's folder name in models/.")
        var name: String

        @OptionGroup var store: StoreOptions

        func run() throws {
            try ModelsCommand.failing { try ModelsCommand.registry(store).activate(name) }
            print("active model: \(name)")
        }
    }

    /// `chatbot models rollback`.
    struct Rollback: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make the version before the active one active again (its parent, else the last retired one).")

        @OptionGroup var store: StoreOptions

        func run() throws {
            let (from, to) = try ModelsCommand.failing { try ModelsCommand.registry(store).rollback() }
            print("rolled back from \(from) to \(to); active model: \(to)")
        }
    }

    /// `chatbot models quantize ID`.
    struct Quantize: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Save a version with int8 weights (one scale per row) as a new candidate version.",
            discussion: """
                The new version is a copy of the folder whose model.safetensors stores every matrix as \
                int8 with a Float16 scale per row; chat, evaluate and answer load it like any other. \
                Evaluate it with `chatbot evaluate --model models/<new>`, then `chatbot models activate`.
                """)

        @Argument(help: "The version's folder name in models/.")
        var name: String

        @Flag(help: "Make the new version the active one at once.")
        var activate = false

        @OptionGroup var store: StoreOptions

        func run() throws {
            let outcome: ModelQuantization.Outcome
            do {
                outcome = try ModelsCommand.failing {
                    try ModelQuantization.quantize(name, in: ModelsCommand.registry(store), activate: activate)
                }
            } catch let error as ChatModelError {
                throw CommandFailure("cannot quantise \(name): \(error.message)")
            }
            let megabytes = { (bytes: Int) in String(format: "%.1f MB", Double(bytes) / 1_000_000) }
            print("quantised \(name) → \(outcome.name) (\(activate ? "active" : "candidate"))")
            print("weights: \(megabytes(outcome.sourceBytes)) → \(megabytes(outcome.quantizedBytes)), "
                  + String(format: "%.2f× smaller", outcome.ratio))
        }
    }
}
