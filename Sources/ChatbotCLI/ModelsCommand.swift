// `chatbot models`: lists the trained versions in models/ (the active one marked) and switches
// the active version.
import ArgumentParser
import FileFormats
import Foundation
import ModelLifecycle

/// Lists model versions or activates one.
struct ModelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "List the trained model versions in models/, or make one active.",
        subcommands: [List.self, Activate.self],
        defaultSubcommand: List.self)

    /// `chatbot models list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the versions; * marks the active one.")

        func run() throws {
            let versions = ModelRegistry().list()
            guard !versions.isEmpty else {
                print("no trained models in models/ (run `chatbot train`)")
                return
            }
            for version in versions { print("\(version.isActive ? "*" : " ") \(version.name)") }
        }
    }

    /// `chatbot models activate NAME`.
    struct Activate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make a version the active one (models/ACTIVE).")

        @Argument(help: "The version's folder name in models/.")
        var name: String

        func run() throws {
            do {
                try ModelRegistry().activate(name)
            } catch let error as FileFormatError {
                throw CommandFailure(error.description)
            }
            print("active model: \(name)")
        }
    }
}
