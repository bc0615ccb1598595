// What `chatbot answer` needs before the first ticket: the intents (with the ticket template),
// the model loaded once per job, and its sentiment combination, as ready analysers.
import Dialogue
import FileFormats
import Foundation
import TicketAnswering

/// The intents and one analyser per job.
struct AnswerSetup {
    let catalog: IntentCatalog
    let analysers: [TicketAnalyser]

    /// Loads the intents of `intents` and the model of `model` (else the active version) `jobs` times.
    init(intents: String, model: String?, jobs: Int, settings: TicketAnsweringSettings) throws {
        catalog = try IntentCatalog.loadForCommand(intents)
        guard let directory = ModelLocation.directory(model: model) else {
            throw CommandFailure("no model: give --model DIR or train one with `chatbot train` (it becomes the active version)")
        }
        let combination = try ModelLocation.sentimentCombination(in: directory)
        let catalog = catalog
        analysers = try (0..<jobs).map { _ in
            TicketAnalyser(catalog: catalog, understanding: try ModelLocation.load(directory),
                           sentimentCombination: combination, settings: settings)
        }
    }

    /// The setup for `command`'s flags.
    init(command: AnswerCommand) throws {
        var settings = TicketAnsweringSettings()
        settings.plain = command.plain
        settings.generateReplies = !command.templateReplies
        try self.init(intents: command.intents, model: command.model.path, jobs: command.jobCount, settings: settings)
    }
}
