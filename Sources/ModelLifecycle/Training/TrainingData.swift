// Gathers the model's training examples from the files a support team keeps: the intents folder
// (examples paired with replies), labelled CSV/JSONL, transcripts (reply pairs with context) and
// sentiment CSV. Every malformed file is reported as file:line problems.
import Dialogue
import FileFormats
import Foundation
import LanguageModeling
import Primitives

/// Where training examples come from; every source is optional.
public struct TrainingSources: Sendable, Hashable {
    /// An intents folder (YAML, one file per intent).
    public var intents: String?
    /// A labelled CSV or JSON Lines file (text + intent, and a reply where a `reply` column or key gives one).
    public var labelledData: String?
    /// The text column or key of `labelledData` (default `text`).
    public var textColumn: String?
    /// The label column or key of `labelledData` (default: the first of intent, category, label).
    public var labelColumn: String?
    /// A transcript file or folder (`.jsonl`, `.txt`, `.csv`; docs/FORMATS.md).
    public var transcripts: String?
    /// How the transcripts are read (format, speaker labels, CSV columns); its `knownIntents`
    /// is replaced by the intents folder's names when there is one.
    public var transcriptOptions = TranscriptReadOptions()
    /// A CSV with `text` and `sentiment` (negative, neutral, positive) columns.
    public var sentimentData: String?

    /// Sources as given; paths are used as shown to the user in problems.
    public init(intents: String? = nil, labelledData: String? = nil, textColumn: String? = nil,
                labelColumn: String? = nil, transcripts: String? = nil, sentimentData: String? = nil) {
        self.intents = intents
        self.labelledData = labelledData
        self.textColumn = textColumn
        self.labelColumn = labelColumn
        self.transcripts = transcripts
        self.sentimentData = sentimentData
    }
}

extension TrainingSources {
    /// Every source as `kind:path` (e.g. `intents:intents`), in reading order, for a training record.
    public var described: [String] {
        [("intents", intents), ("labelled", labelledData), ("transcripts", transcripts), ("sentiment", sentimentData)]
            .compactMap { kind, path in path.map { "\(kind):\($0)" } }
    }
}

/// The examples a model trains on, and how many came from each source.
public struct TrainingData: Sendable {
    /// Every example, in source order (intents, labelled data, transcripts, sentiment).
    public var examples: [TrainingExample]
    /// Example counts per source, e.g. `("intents", 1567)`, in source order.
    public var counts: [(source: String, examples: Int)]
    /// The intents catalog, when an intents folder was read.
    public var catalog: IntentCatalog?

    /// The distinct intent names among the examples.
    public var intentNames: Set<String> { Set(examples.compactMap(\.intent)) }

    /// Reads every source in `sources`; throws `FileFormatError` with the problems of the first bad source.
    public static func load(_ sources: TrainingSources) throws -> TrainingData {
        var data = TrainingData(examples: [], counts: [], catalog: nil)
        if let path = sources.intents {
            let catalog = try IntentCatalog.load(from: URL(fileURLWithPath: path), displayPath: path)
            data.catalog = catalog
            data.append(examples(from: catalog), source: path)
        }
        if let path = sources.labelledData {
            let labelled = try LabelledDataReader.read(contentsOf: URL(fileURLWithPath: path), displayPath: path,
                                                       textColumn: sources.textColumn, labelColumn: sources.labelColumn)
            data.append(examples(from: labelled), source: path)
        }
        if let path = sources.transcripts {
            var options = sources.transcriptOptions
            if let catalog = data.catalog { options.knownIntents = Set(catalog.intents.map(\.name)) }
            let transcripts = try TranscriptReader.read(paths: [path], options: options)
            data.append(examples(from: transcripts.replyPairs()), source: path)
        }
        if let path = sources.sentimentData {
            data.append(try sentimentExamples(contentsOf: URL(fileURLWithPath: path), displayPath: path), source: path)
        }
        return data
    }

    /// The intents' examples, each paired round-robin with one of its intent's responses.
    public static func examples(from catalog: IntentCatalog) -> [TrainingExample] {
        catalog.intents.flatMap { intent in
            TrainingExample.examples(intent: intent.name, texts: intent.examples.map(\.text),
                                     replies: intent.responses.map(\.text))
        }
    }

    /// Labelled messages as intent examples, with their reply where the file gives one: values the
    /// reply copies from the message (order numbers, e-mails, amounts…) become their `{slot}`.
    public static func examples(from labelled: [LabelledExample]) -> [TrainingExample] {
        let delexicaliser = ReplyDelexicaliser()
        return labelled.map { example in
            TrainingExample(text: example.text, intent: example.label,
                            reply: example.reply.map { delexicaliser.delexicalised($0, message: example.text) })
        }
    }

    /// Transcript reply pairs as examples with the reply, the earlier turns and any labels; a
    /// pair whose customer turn has no intent (nor a corrected one) teaches the reply alone.
    public static func examples(from pairs: [ReplyPair]) -> [TrainingExample] {
        pairs.map { pair in
            TrainingExample(
                text: pair.customer.text, intent: pair.intent,
                sentiment: pair.customer.sentiment,
                reply: pair.reply,
                context: pair.context.map { ConversationTurn(speaker: $0.role == .customer ? .customer : .agent, text: $0.text) })
        }
    }

    /// Reads a CSV with `text` and `sentiment` columns into sentiment-only examples.
    public static func sentimentExamples(contentsOf url: URL, displayPath: String? = nil) throws -> [TrainingExample] {
        let shown = displayPath ?? url.path
        let table = try CSVReader.read(contentsOf: url, displayPath: shown)
        let textIndex = try table.requiredColumn(named: "text", file: shown)
        let sentimentIndex = try table.requiredColumn(named: "sentiment", file: shown)
        var examples: [TrainingExample] = []
        var problems: [FileFormatError.Problem] = []
        for record in table.records {
            let text = (record[textIndex] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let label = (record[sentimentIndex] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
            guard !text.isEmpty else {
                problems.append(.init(file: shown, line: record.line, message: "empty text"))
                continue
            }
            guard let sentiment = SentimentLabel(rawValue: label) else {
                problems.append(.init(file: shown, line: record.line,
                                      message: "sentiment \"\(label)\" is not negative, neutral or positive"))
                continue
            }
            examples.append(TrainingExample(text: text, sentiment: sentiment))
        }
        guard problems.isEmpty else { throw FileFormatError(.invalidData, problems: problems) }
        return examples
    }

    private mutating func append(_ more: [TrainingExample], source: String) {
        examples += more
        counts.append((source, more.count))
    }
}
