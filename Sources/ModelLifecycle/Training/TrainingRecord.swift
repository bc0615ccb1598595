// What a model folder was trained on, so fine-tuning can replay it and the regression gate can
// score on its validation split: `training.json` (sources, data hash, split seed, labels, parent)
// and `training-data.jsonl` (every example with its split, personal data redacted).
import ConversationStorage
import FileFormats
import Foundation
import LanguageModeling
import Primitives

/// The contents of a model folder's `training.json`.
public struct TrainingRecord: Codable, Sendable, Equatable {
    /// The format name written in every record.
    public static let formatName = "chatbot-training"
    /// The record's file name in a model folder.
    public static let fileName = "training.json"
    /// The examples' file name in a model folder.
    public static let examplesFileName = "training-data.jsonl"

    /// Always `chatbot-training`.
    public var format = TrainingRecord.formatName
    /// Format version (1).
    public var version = 1
    /// The files and store queries the examples came from, as given.
    public var sources: [String]
    /// FNV-1a 64 of the examples (the checkpoint's `training_data_hash`).
    public var dataHash: String
    /// The seed of the training/validation split.
    public var splitSeed: UInt64
    /// The share of each intent held out for validation.
    public var validationFraction: Double
    /// The intents the model knows, in head order.
    public var intents: [String]
    /// The version fine-tuned from (nil for a model trained from scratch).
    public var parent: String?
    /// Examples trained on.
    public var trainingExamples: Int
    /// Examples held out.
    public var validationExamples: Int

    /// A record.
    public init(sources: [String], dataHash: String, splitSeed: UInt64, validationFraction: Double, intents: [String],
                parent: String? = nil, trainingExamples: Int, validationExamples: Int) {
        self.sources = sources
        self.dataHash = dataHash
        self.splitSeed = splitSeed
        self.validationFraction = validationFraction
        self.intents = intents
        self.parent = parent
        self.trainingExamples = trainingExamples
        self.validationExamples = validationExamples
    }

    enum CodingKeys: String, CodingKey {
        case format, version, sources, dataHash = "data_hash", splitSeed = "split_seed"
        case validationFraction = "validation_fraction", intents, parent
        case trainingExamples = "training_examples", validationExamples = "validation_examples"
    }

    /// One line of `training-data.jsonl`.
    private struct Line: Codable {
        var split: String
        var example: TrainingExample
    }

    /// Writes `training.json` and `training-data.jsonl` (texts redacted by `redactor`) into `directory`.
    public func save(in directory: URL, training: [TrainingExample], validation: [TrainingExample],
                     redactor: Redactor = Redactor()) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(encoder.encode(self), to: directory.appendingPathComponent(Self.fileName))
        encoder.outputFormatting = [.sortedKeys]
        var text = Data()
        for (split, examples) in [("training", training), ("validation", validation)] {
            for example in examples {
                text.append(try encoder.encode(Line(split: split, example: Self.redacted(example, by: redactor))))
                text.append(10)
            }
        }
        try AtomicFile.write(text, to: directory.appendingPathComponent(Self.examplesFileName))
    }

    /// The record in `directory`, or nil when the folder has none (a model from before records).
    public static func load(from directory: URL) throws(FileFormatError) -> TrainingRecord? {
        let url = directory.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            let record = try JSONDecoder().decode(TrainingRecord.self, from: Data(contentsOf: url))
            guard record.format == formatName else {
                throw FileFormatError(.invalidData, file: url.path, message: "format is \"\(record.format)\", expected \"\(formatName)\"")
            }
            return record
        } catch let error as FileFormatError {
            throw error
        } catch {
            throw FileFormatError(.invalidData, file: url.path, message: "not a training record: \(DecodingError.summary(of: error))")
        }
    }

    /// The examples saved in `directory`, by split; every bad line is a file:line problem.
    public static func examples(in directory: URL) throws(FileFormatError) -> (training: [TrainingExample], validation: [TrainingExample]) {
        let url = directory.appendingPathComponent(examplesFileName)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw FileFormatError(.io, file: url.path, message: "cannot read the examples the model was trained on")
        }
        var training: [TrainingExample] = [], validation: [TrainingExample] = []
        var problems: [FileFormatError.Problem] = []
        let decoder = JSONDecoder()
        for (index, line) in data.split(separator: 10).enumerated() {
            guard let decoded = try? decoder.decode(Line.self, from: Data(line)) else {
                problems.append(.init(file: url.path, line: index + 1, message: "not an example line"))
                continue
            }
            if decoded.split == "validation" { validation.append(decoded.example) } else { training.append(decoded.example) }
        }
        guard problems.isEmpty else { throw FileFormatError(.invalidData, problems: problems) }
        return (training, validation)
    }

    /// `example` with personal data in its text, reply and context replaced by placeholders.
    static func redacted(_ example: TrainingExample, by redactor: Redactor) -> TrainingExample {
        var copy = example
        copy.text = redactor.redact(example.text)
        copy.reply = example.reply.map(redactor.redact)
        copy.context = example.context.map { ConversationTurn(speaker: $0.speaker, text: redactor.redact($0.text)) }
        return copy
    }
}
