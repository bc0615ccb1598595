// A tiny trained model and the tiny domain's intents in a temporary folder, for commands run
// in-process or as child processes.
import Foundation
import LanguageModeling
import TestSupport

/// The folder (remove it when done), the model folder's path and the intents folder's path.
func tinySetup() throws -> (folder: URL, model: String, intents: String) {
    let folder = try TestFixtures.folder([:])
    let intents = folder.appendingPathComponent("intents")
    try FileManager.default.createDirectory(at: intents, withIntermediateDirectories: true)
    for (name, text) in TinyDomain.intentFiles { try text.write(to: intents.appendingPathComponent(name), atomically: true, encoding: .utf8) }
    let examples = [("refund", ["I want a refund", "give me my money back", "refund my payment please", "can I get a refund"]),
                    ("shipping", ["how much is shipping", "what does delivery cost", "shipping cost to France", "is delivery free"]),
                    ("greeting", ["hello", "hi there", "good morning", "hey"])]
        .flatMap { intent in intent.1.map { TrainingExample(text: $0, intent: intent.0) } }
    let model = try ChatModelTrainer(config: .tiny(epochs: 3)).train(examples).model
    let modelURL = folder.appendingPathComponent("model")
    try model.save(to: modelURL)
    return (folder, modelURL.path, intents.path)
}
