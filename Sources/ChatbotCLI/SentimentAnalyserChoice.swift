// Which analyser `chatbot sentiment` uses: the lexicon alone, a model's learned head alone, or
// both combined, from --model, the active version and the --lexicon-only / --head-only flags.
import Dialogue
import Foundation
import LanguageModeling
import ModelLifecycle
import Sentiment

/// The analyser a sentiment command runs, its name for the report, and a notice for standard error.
package struct SentimentAnalyserChoice {
    /// The analyser.
    package var analyser: any SentimentAnalyser
    /// E.g. `lexicon`, `lexicon + model 20261124-061500-transformer (fitted combiner)`.
    package var name: String
    /// Why the choice differs from what was asked, if it does.
    package var notice: String?

    /// The lexicon for `--lexicon-only`; else the model of `model` (or the active version):
    /// combined with `lexicon`, or its head alone for `headOnly`. A model without a trained
    /// sentiment head, or an active version that does not load, falls back to the lexicon with
    /// a notice; for `headOnly`, or a named model that does not load, it fails.
    package static func make(model: String?, lexiconOnly: Bool, headOnly: Bool, lexicon: LexiconSentimentAnalyser,
                             registry: ModelRegistry = ModelRegistry()) throws -> SentimentAnalyserChoice {
        let lexiconChoice = SentimentAnalyserChoice(analyser: lexicon, name: "lexicon")
        guard !lexiconOnly else { return lexiconChoice }
        guard let directory = ModelLocation.directory(model: model, registry: registry) else {
            if headOnly { throw CommandFailure("--head-only needs a model: pass --model DIR or train one with --sentiment-data") }
            return lexiconChoice
        }
        let loaded: ChatModel
        do {
            loaded = try ModelLocation.loadModel(directory)
        } catch {
            guard model == nil, !headOnly else { throw error }
            return SentimentAnalyserChoice(analyser: lexicon, name: "lexicon",
                                           notice: "note: the active model does not load (\(error)); using the lexicon alone")
        }
        let version = directory.standardizedFileURL.lastPathComponent
        guard ModelSentiment.hasHead(loaded) else {
            if headOnly { throw CommandFailure("the model in \(directory.path) was trained without sentiment labels, so it has no sentiment head") }
            return SentimentAnalyserChoice(analyser: lexicon, name: "lexicon",
                                           notice: "note: model \(version) was trained without sentiment labels; using the lexicon alone")
        }
        let head = ModelSentimentAnalyser(model: loaded)
        if headOnly { return SentimentAnalyserChoice(analyser: head, name: "model \(version) (sentiment head alone)") }
        let combination = try ModelLocation.sentimentCombination(in: directory)
        let how = if case .fitted = combination { "fitted combiner" } else { "average" }
        return SentimentAnalyserChoice(analyser: CombinedSentimentAnalyser(lexicon: lexicon, head: head, combination: combination),
                                       name: "lexicon + model \(version) (\(how))")
    }
}
