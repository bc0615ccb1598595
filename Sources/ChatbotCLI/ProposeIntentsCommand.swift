// `chatbot propose-intents`: clusters the customer turns of transcripts that the model does not
// know and writes each sizeable cluster as a draft intent YAML for a person to review.
import ArgumentParser
import Dialogue
import FileFormats
import Foundation
import LanguageModeling
import ModelLifecycle

/// Proposes draft intents from transcripts.
struct ProposeIntentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "propose-intents",
        abstract: "Cluster the customer turns the model does not know into draft intents for review.",
        discussion: """
            Reads the transcripts (any format; see `chatbot transcripts import`), asks the model \
            about every unlabelled customer turn of two words or more, and clusters the ones it \
            reads as out of scope (or below --confidence): Ward's agglomerative clustering of \
            TF-IDF n-gram vectors, the number of clusters chosen by silhouette unless --clusters \
            gives it, refined by k-means from that cut. Each cluster of at least --min-size turns is written to DIR/NAME.yaml in the \
            intents format: a name from its top words, its examples (personal data redacted, \
            shown as [email]), the agents' replies to them as candidate responses. Review, \
            rename and complete a draft before moving it into intents/.
            """)

    @Option(name: .long, parsing: .upToNextOption,
            help: ArgumentHelp("Transcript files or folders (.jsonl, .txt, .csv).", valueName: "PATH"))
    var transcripts: [String] = []

    @OptionGroup var model: ModelOptions

    @Option(name: .long, help: ArgumentHelp("The folder to write the drafts to (created if needed).", valueName: "DIR"))
    var out: String

    @Option(name: .customLong("min-size"), help: ArgumentHelp("The fewest customer turns a proposed cluster has.", valueName: "N"))
    var minSize = 5

    @Option(name: .long, help: ArgumentHelp("A fixed number of clusters (default: chosen by silhouette).", valueName: "K"))
    var clusters: Int?

    @Option(name: .long, help: ArgumentHelp("Turns read with less confidence count as unknown too (0-1; default: out of scope only).",
                                            valueName: "X"))
    var confidence: Double?

    @OptionGroup var transcriptFormat: TranscriptFormatOptions

    func validate() throws {
        if transcripts.isEmpty { throw ValidationError("Give at least one transcript file or folder with --transcripts.") }
        if minSize < 1 { throw ValidationError("--min-size must be at least 1.") }
        if let clusters, clusters < 1 { throw ValidationError("--clusters must be at least 1.") }
        if let confidence, !(0...1).contains(confidence) { throw ValidationError("--confidence must be between 0 and 1.") }
    }

    func run() throws {
        let read: [Transcript]
        do {
            read = try TranscriptReader.read(paths: transcripts, options: transcriptFormat.readOptions)
        } catch let error as FileFormatError {
            throw CommandFailure(error.description)
        }
        let understanding = try ModelLocation.loadUnderstanding(model: model.path)
        print(try Self.proposeDrafts(from: read, understanding: understanding, folder: out, minSize: minSize,
                                     clusters: clusters, confidence: confidence))
    }

    /// Clusters the customer turns of `transcripts` that `understanding` does not know (out of
    /// scope, or below `confidence`) and writes the sizeable clusters as drafts to `folder`;
    /// returns the summary. `chatbot finetune --propose-intents` shares it.
    static func proposeDrafts(from transcripts: [Transcript], understanding: ChatModelUnderstanding, folder out: String,
                              minSize: Int, clusters: Int?, confidence: Double?) throws -> String {
        var discovery = IntentDiscovery()
        discovery.minimumSize = minSize
        discovery.minimumConfidence = confidence
        discovery.clusterCount = clusters
        discovery.takenNames = Set(understanding.model.labels.intents)
        let (turnsRead, unknown) = try discovery.unknownTurns(in: transcripts, understanding: understanding)
        let result = discovery.propose(unknown)
        let folder = URL(fileURLWithPath: out)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for draft in result.drafts {
                try draft.yaml(modelVersion: understanding.modelVersion)
                    .write(to: folder.appendingPathComponent("\(draft.name).yaml"), atomically: true, encoding: .utf8)
            }
        } catch {
            throw CommandFailure("cannot write the drafts to \(out): \(error.localizedDescription)")
        }
        var summary = result
        summary.turnsRead = turnsRead
        return ProposeIntentsSummary.text(summary, modelVersion: understanding.modelVersion, folder: out)
    }
}
