// Where the suites read their inputs, set by `chatbot bench` flags (no environment variables).
import Foundation
import ModelLifecycle

/// The folders the benchmark suites read: shared data, the intents, a model, the transcripts.
public struct BenchmarkInputs: Sendable {
    /// The shared data folder (`banking77/`, `*.csv` texts); nil: `../shared/data`, else `shared/data`.
    public var dataDirectory: String?
    /// The intents folder the chat and dialogue suites converse in.
    public var intentsDirectory = URL(fileURLWithPath: "intents")
    /// The model the dialogue suite measures; nil: the active version in `models/`.
    public var modelDirectory: URL?
    /// The transcripts the dialogue suite replays.
    public var transcriptsDirectory = URL(fileURLWithPath: "conversations")

    /// The defaults: paths relative to the package root.
    public init() {}

    /// `dataDirectory`, else the first shared data folder that exists; nil if none does.
    public func locateData() -> String? {
        if let dataDirectory { return dataDirectory }
        return ["../shared/data", "shared/data"].first { FileManager.default.fileExists(atPath: $0) }
    }

    /// `modelDirectory`, else the active version in `models/`.
    func modelFolder() -> URL? {
        modelDirectory ?? ModelRegistry().activeModelDirectory()
    }
}
