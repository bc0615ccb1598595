// `chatbot finetune`: fine-tunes the active version (or --base) on stored conversations and
// feedback and on transcript files; the regression gate decides whether the candidate becomes
// the active version. Parses, runs `FineTuning` with a progress bar, prints the report.
import ArgumentParser
import ConversationStorage
import FileFormats
import Foundation
import ModelLifecycle

struct FinetuneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "finetune",
        abstract: "Fine-tune the model on stored conversations, feedback and transcripts, behind a regression gate.",
        discussion: """
            Starts from the active version (or --base), replays a sample of the data it was trained \
            on, grows the intent head for intents it does not know, and scores the base and the \
            candidate on the same held-out data: the base's validation split and a held-out slice \
            of the new labelled examples. The candidate becomes a new version and the active one \
            only if accuracy on the old data drops by at most --tolerance points and it does better \
            on the new; otherwise it is kept as a rejected version and the report says why. With \
            --out the candidate is only written to DIR.

            From the store, /intent corrections and replies rated good label the customer's \
            message (the bot's own readings are not labels); /reply texts, human agents' replies \
            and replies rated good are learned as replies; replies rated bad never are. A reply \
            the customer answered with a clearly negative turn or a hand-off is never learned and \
            is queued for review (review.jsonl in the candidate's folder); the bot's readings of \
            turns whose reply the customer thanked join the gate's old data.

            Transcripts carry no intents unless a person labelled them: unlabelled customer turns \
            the base reads with at least --pseudo-label-threshold confidence are learned as that \
            intent; with --propose-intents DIR the others, and the stored customer turns (with \
            --from-store) the base reads below that confidence or as out of scope, are clustered \
            into draft intents in DIR (as `chatbot propose-intents` does).
            """)

    @Option(name: .long, help: ArgumentHelp("The version to start from: a version name or a model folder (default: the active version).",
                                            valueName: "ID|DIR"))
    var base: String?

    @Flag(name: .customLong("from-store"), help: "Learn from the conversations and feedback in the store.")
    var fromStore = false

    @Option(name: .long, help: ArgumentHelp("With --from-store: only conversations started on or after DATE (2026-03-02 or ISO 8601).",
                                            valueName: "DATE"))
    var since: String?

    @Option(name: .long, parsing: .upToNextOption,
            help: ArgumentHelp("Transcript files (JSON Lines, plain-text logs, CSV exports) or folders of them.", valueName: "FILE|DIR"))
    var transcripts: [String] = []

    @Flag(name: .long, help: "Make the candidate active even when the regression gate fails.")
    var force = false

    @Option(name: .long, help: ArgumentHelp("Write the candidate to DIR instead of registering it.", valueName: "DIR"))
    var out: String?

    @Option(name: .long, help: "The most old-data accuracy may drop, in points.")
    var tolerance: Double = 0.5

    @Option(name: .long, help: "Epochs over the new examples and the replay.")
    var epochs: Int = 4

    @Option(name: .customLong("replay-ratio"), help: "Replayed examples of the base's training data per new example.")
    var replayRatio: Double = 3

    @Option(name: .customLong("replay-per-intent"), help: "The fewest replayed examples of each old intent, whatever the ratio.")
    var replayPerIntent: Int = 8

    @Option(name: .customLong("learning-rate-scale"), help: "The peak learning rate as a share of the base's.")
    var learningRateScale: Float = 0.5

    @Option(name: .customLong("pseudo-label-threshold"),
            help: "Unlabelled turns the base reads with at least this confidence are learned as that intent (above 1: never).")
    var pseudoLabelThreshold: Double = 0.9

    @Option(name: .customLong("held-out-fraction"),
            help: ArgumentHelp("Share of each intent's new labelled examples held out for the gate (default: the share the base held out for validation).",
                               valueName: "X"))
    var heldOutFraction: Double?

    @Option(name: .long, help: "Random seed.")
    var seed: UInt64 = 42

    @Option(name: .customLong("propose-intents"),
            help: ArgumentHelp("Also write the unknown customer turns of the transcripts and stored conversations (out of scope or below --pseudo-label-threshold), clustered, as draft intents to DIR.",
                               valueName: "DIR"))
    var proposeIntents: String?

    @OptionGroup var transcriptFormat: TranscriptFormatOptions

    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard fromStore || !transcripts.isEmpty else {
            throw ValidationError("Give --from-store, --transcripts FILE|DIR, or both.")
        }
        if since != nil && !fromStore { throw ValidationError("--since needs --from-store.") }
        if let since, TranscriptExporter.parseSince(since) == nil {
            throw ValidationError("--since \(since) is not a date (2026-03-02) or an ISO 8601 time (2026-03-02T09:14:00Z).")
        }
        guard epochs > 0 else { throw ValidationError("--epochs must be positive.") }
        guard tolerance >= 0 else { throw ValidationError("--tolerance must not be negative.") }
        guard replayRatio >= 0 else { throw ValidationError("--replay-ratio must not be negative.") }
        guard replayPerIntent >= 0 else { throw ValidationError("--replay-per-intent must not be negative.") }
        guard learningRateScale > 0 else { throw ValidationError("--learning-rate-scale must be positive.") }
        guard pseudoLabelThreshold >= 0 else { throw ValidationError("--pseudo-label-threshold must not be negative.") }
        if let heldOutFraction, !(0..<1).contains(heldOutFraction) {
            throw ValidationError("--held-out-fraction must be at least 0 and below 1.")
        }
    }

    func run() throws {
        let conversationStore = try store.open()
        let registry = ModelRegistry(store: conversationStore)
        let (baseDirectory, baseName) = try ModelsCommand.failing { try resolveBase(registry) }
        var settings = FineTuneSettings()
        settings.epochs = epochs
        settings.tolerance = tolerance
        settings.replayRatio = replayRatio
        settings.replayPerIntent = replayPerIntent
        settings.learningRateScale = learningRateScale
        settings.pseudoLabelThreshold = pseudoLabelThreshold
        settings.force = force
        settings.heldOutFraction = heldOutFraction
        settings.seed = seed
        let sources = FineTuneSources(transcripts: transcripts, readOptions: transcriptFormat.readOptions,
                                      store: fromStore ? conversationStore : nil, since: since.flatMap(TranscriptExporter.parseSince))
        if let proposeIntents {
            let read: [Transcript]
            do {
                read = try sources.discoveryTranscripts()
            } catch let error as FileFormatError {
                throw CommandFailure(error.description)
            } catch {
                throw CommandFailure("cannot read the conversations to cluster: \(error)")
            }
            print(try ProposeIntentsCommand.proposeDrafts(
                from: read, understanding: try ModelLocation.load(baseDirectory), folder: proposeIntents, minSize: 5, clusters: nil,
                confidence: pseudoLabelThreshold <= 1 ? pseudoLabelThreshold : nil))
            print("")
        }
        let fineTuning = FineTuning(base: baseDirectory, baseName: baseName, sources: sources, settings: settings,
                                    output: out.map { URL(fileURLWithPath: $0) }, registry: registry)
        let outcome: FineTuning.Outcome
        do {
            outcome = try fineTuning.run(progress: TrainingProgressBar())
        } catch {
            throw CommandFailure(error.description)
        }
        print(FineTuneSummary.report(outcome, base: baseName ?? baseDirectory.path, settings: settings))
    }

    /// The base's folder and its version name (nil for a folder outside the registry).
    private func resolveBase(_ registry: ModelRegistry) throws -> (URL, String?) {
        guard let base else {
            try registry.synchronise()
            guard let active = registry.activeName(), let directory = registry.activeModelDirectory() else {
                throw CommandFailure("no active model to fine-tune; run `chatbot train` or pass --base ID|DIR")
            }
            return (directory, active)
        }
        if ModelRegistry.holdsCheckpoint(URL(fileURLWithPath: base)) {
            let directory = URL(fileURLWithPath: base)
            let inRegistry = directory.deletingLastPathComponent().standardizedFileURL.path == registry.root.standardizedFileURL.path
            return (directory, inRegistry ? directory.lastPathComponent : nil)
        }
        let version = try registry.version(named: base)
        return (version.directory, version.name)
    }
}
