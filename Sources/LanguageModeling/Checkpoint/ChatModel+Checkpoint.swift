// Saving and loading a model folder: model.safetensors (weights, Float32 or int8 with per-row
// scales; metadata names the format), config.json (CheckpointManifest) and tokenizer.json (HF
// format). Loading checks that the three fit together and names every mismatch.
import Foundation
import Primitives
import TensorCore
import Tokenization

extension ChatModel {
    /// The file names inside a checkpoint folder.
    public enum CheckpointFile {
        /// The weights.
        public static let weights = "model.safetensors"
        /// Architecture, labels, calibration, metrics.
        public static let config = "config.json"
        /// The tokenizer.
        public static let tokenizer = "tokenizer.json"
    }

    /// Writes the model into `directory` (created if needed; existing files are replaced).
    public func save(to directory: URL) throws(ChatModelError) {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let quantized = weightStorage == .int8PerRow
            let manifest = CheckpointManifest(
                format: CheckpointManifest.formatName, version: quantized ? 2 : 1, config: config,
                labels: labels, calibration: calibration, trainingDataHash: trainingDataHash,
                vocabularySize: tokenizer.vocabularySize, metrics: metrics,
                tensors: Dictionary(uniqueKeysWithValues: network.parameters.map { ($0.name, $0.value.shape) }),
                weights: quantized ? weightStorage : nil)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try AtomicFile.write(encoder.encode(manifest), to: directory.appendingPathComponent(CheckpointFile.config))
            try tokenizer.write(toFile: directory.appendingPathComponent(CheckpointFile.tokenizer).path)
            let metadata = ["format": CheckpointManifest.formatName, "version": String(manifest.version)]
            let url = directory.appendingPathComponent(CheckpointFile.weights)
            if quantized {
                try SafeTensors.saveQuantized(network.parameters, metadata: metadata, to: url)
            } else {
                try SafeTensors.save(network.parameters, metadata: metadata, to: url)
            }
        } catch {
            throw ChatModelError(.unreadableCheckpoint, "cannot write the model to \(directory.path): \(error)")
        }
    }

    /// Reads a model saved by `save(to:)`, refusing parts that do not fit together.
    public static func load(from directory: URL) throws(ChatModelError) -> ChatModel {
        let configURL = directory.appendingPathComponent(CheckpointFile.config)
        guard FileManager.default.fileExists(atPath: configURL.path) else {
            throw ChatModelError(.unreadableCheckpoint, "\(directory.path) is not a model folder (it has no \(CheckpointFile.config))")
        }
        let manifest: CheckpointManifest
        do {
            manifest = try JSONDecoder().decode(CheckpointManifest.self, from: Data(contentsOf: configURL))
        } catch {
            throw ChatModelError(.unreadableCheckpoint, "\(configURL.path): \(DecodingError.summary(of: error))")
        }
        guard manifest.format == CheckpointManifest.formatName, manifest.version <= CheckpointManifest.currentVersion else {
            throw ChatModelError(.unreadableCheckpoint, "\(configURL.path) is format '\(manifest.format)' version \(manifest.version); "
                                 + "expected '\(CheckpointManifest.formatName)' up to version \(CheckpointManifest.currentVersion)")
        }
        let tokenizerPath = directory.appendingPathComponent(CheckpointFile.tokenizer).path
        let tokenizer: Tokenizer
        do {
            tokenizer = try Tokenizer(contentsOfFile: tokenizerPath)
        } catch {
            throw ChatModelError(.unreadableCheckpoint, "\(error)")  // names the file
        }
        var problems: [String] = []
        if tokenizer.vocabularySize != manifest.vocabularySize {
            problems.append("tokenizer.json has \(tokenizer.vocabularySize) tokens but config.json expects \(manifest.vocabularySize)")
        }
        let missing = manifest.labels.intents.filter { tokenizer.id(of: SpecialTokens.intent($0)) == nil }
        if !missing.isEmpty {
            problems.append("tokenizer.json lacks intent tokens for \(missing.joined(separator: ", "))")
        }
        guard problems.isEmpty else {
            throw ChatModelError(.checkpointMismatch, "\(directory.path): " + problems.joined(separator: "; "))
        }
        var config = manifest.config
        // Checkpoints from before the sparse sentiment expert list no tensor for it.
        if manifest.tensors[ChatNetwork.sparseSentimentPrefix + "weight"] == nil { config.sparseSentiment = false }
        let model = try ChatModel(config: config, labels: manifest.labels, tokenizer: tokenizer)
        let expected = Dictionary(uniqueKeysWithValues: model.network.parameters.map { ($0.name, $0.value.shape) })
        if expected != manifest.tensors {
            let differing = Set(expected.keys).symmetricDifference(manifest.tensors.keys).sorted()
                + expected.keys.filter { manifest.tensors[$0] != nil && manifest.tensors[$0] != expected[$0] }.sorted()
            throw ChatModelError(.checkpointMismatch, "\(configURL.path) lists tensors that do not match its config: "
                                 + differing.prefix(8).joined(separator: ", "))
        }
        let weightsURL = directory.appendingPathComponent(CheckpointFile.weights)
        do {
            let metadata = try SafeTensors.load(into: model.network.parameters, from: weightsURL)
            guard metadata["format"] == CheckpointManifest.formatName else {
                throw ChatModelError(.unreadableCheckpoint, "\(weightsURL.path) is not a chatbot model (metadata format \(metadata["format"] ?? "missing"))")
            }
        } catch let error as ChatModelError {
            throw error
        } catch {
            throw ChatModelError(.checkpointMismatch, "\(error)")
        }
        model.calibration = manifest.calibration
        model.trainingDataHash = manifest.trainingDataHash
        model.metrics = manifest.metrics
        model.weightStorage = manifest.weights ?? .float32
        if var featurizer = model.featurizer, let idf = model.network.sparseIDF {
            featurizer.inverseDocumentFrequency = idf.value.scalars
            model.featurizer = featurizer
        }
        return model
    }
}
