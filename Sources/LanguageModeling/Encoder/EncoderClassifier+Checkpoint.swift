// The encoder side of a checkpoint folder: encoder/ (the encoder's config.json,
// model.safetensors and tokenizer.json, hard-linked or copied so the folder stands alone),
// encoder-heads.safetensors (the heads and the n-gram IDF) and encoder-heads.json (intents,
// calibration, settings). A folder without encoder-heads.json has no encoder.
import Foundation
import PretrainedEncoder
import Primitives
import TensorCore

extension EncoderClassifier {
    /// The heads' settings file inside a checkpoint folder.
    public static let manifestFileName = "encoder-heads.json"
    /// The heads' weights inside a checkpoint folder.
    public static let weightsFileName = "encoder-heads.safetensors"
    /// The encoder's own folder inside a checkpoint folder.
    public static let encoderFolderName = "encoder"

    struct Manifest: Codable {
        var format = "chatbot-encoder-heads"
        var version = 1
        var intents: [String]
        var outOfScopeLabel: String
        var sparseBuckets: Int?
        var sentiment: Bool
        var calibration: Calibration
        var metrics: [String: Double]
        /// The factor on the sentence vector (absent in heads saved before it existed: 1).
        var vectorScale: Float?

        enum CodingKeys: String, CodingKey {
            case format, version, intents, sentiment, calibration, metrics
            case outOfScopeLabel = "out_of_scope_label", sparseBuckets = "sparse_buckets", vectorScale = "vector_scale"
        }
    }

    private func namedParameters() -> [Parameter] {
        var list = intentHead.parameters + (sentimentHead?.parameters ?? [])
        if let featurizer {
            list.append(Parameter(name: "sparse.idf", value: Tensor(shape: [featurizer.bucketCount],
                                                                     scalars: featurizer.inverseDocumentFrequency)))
        }
        return list
    }

    /// Whether `directory` holds encoder heads.
    public static func exists(in directory: URL) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent(manifestFileName).path)
    }

    /// Writes the encoder (linked or copied from where it was loaded), the heads and their settings into `directory`.
    public func save(to directory: URL) throws(ChatModelError) {
        guard let source = encoder.folder else {
            throw ChatModelError(.invalidRequest, "the encoder was not loaded from a folder, so it cannot be saved")
        }
        let target = directory.appendingPathComponent(Self.encoderFolderName)
        let manifest = Manifest(intents: labels.intents, outOfScopeLabel: outOfScopeLabel,
                                sparseBuckets: featurizer?.bucketCount, sentiment: sentimentHead != nil,
                                calibration: calibration, metrics: metrics, vectorScale: vectorScale)
        do {
            let files = FileManager.default
            if source.standardizedFileURL != target.standardizedFileURL {
                try files.createDirectory(at: target, withIntermediateDirectories: true)
                for name in SentenceEncoder.requiredFiles {
                    let to = target.appendingPathComponent(name)
                    if files.fileExists(atPath: to.path) { try files.removeItem(at: to) }
                    do {
                        try files.linkItem(at: source.appendingPathComponent(name), to: to)
                    } catch {
                        try files.copyItem(at: source.appendingPathComponent(name), to: to)
                    }
                }
            }
            try SafeTensors.save(namedParameters(), metadata: ["format": "chatbot-encoder-heads"],
                                 to: directory.appendingPathComponent(Self.weightsFileName))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try AtomicFile.write(encoder.encode(manifest), to: directory.appendingPathComponent(Self.manifestFileName))
        } catch {
            throw ChatModelError(.unreadableCheckpoint, "cannot write the encoder heads to \(directory.path): \(error)")
        }
    }

    /// The classifier saved in `directory`, or nil when the folder has no encoder heads.
    public static func load(from directory: URL) throws(ChatModelError) -> EncoderClassifier? {
        let manifestURL = directory.appendingPathComponent(manifestFileName)
        guard FileManager.default.fileExists(atPath: manifestURL.path) else { return nil }
        let manifest: Manifest
        do {
            manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: manifestURL))
        } catch {
            throw ChatModelError(.unreadableCheckpoint, "\(manifestURL.path): not encoder heads: \(DecodingError.summary(of: error))")
        }
        guard manifest.format == "chatbot-encoder-heads", manifest.version == 1 else {
            throw ChatModelError(.unreadableCheckpoint, "\(manifestURL.path) is format '\(manifest.format)' version "
                                 + "\(manifest.version); this program reads chatbot-encoder-heads version 1")
        }
        let encoder: SentenceEncoder
        do {
            encoder = try SentenceEncoder.load(from: directory.appendingPathComponent(encoderFolderName))
        } catch {
            throw ChatModelError(.unreadableCheckpoint, "\(error)")
        }
        let labels = LabelSet(intents: manifest.intents)
        let intentHead = EncoderHead(inputSize: encoder.dimension, classCount: max(1, labels.intents.count),
                                     sparseBuckets: manifest.sparseBuckets, name: "intent.")
        let sentimentHead = manifest.sentiment
            ? EncoderHead(inputSize: encoder.dimension, classCount: 3, sparseBuckets: manifest.sparseBuckets, name: "sentiment.")
            : nil
        let featurizer = manifest.sparseBuckets.map { SparseFeaturizer(bucketCount: $0) }
        let classifier = EncoderClassifier(encoder: encoder, labels: labels, outOfScopeLabel: manifest.outOfScopeLabel,
                                           featurizer: featurizer, intentHead: intentHead, sentimentHead: sentimentHead)
        let parameters = classifier.namedParameters()
        let weightsURL = directory.appendingPathComponent(weightsFileName)
        do {
            try SafeTensors.load(into: parameters, from: weightsURL)
        } catch {
            throw ChatModelError(.checkpointMismatch, "\(error)")
        }
        if let idf = parameters.first(where: { $0.name == "sparse.idf" }) {
            classifier.featurizer?.inverseDocumentFrequency = idf.value.scalars
        }
        classifier.calibration = manifest.calibration
        classifier.vectorScale = manifest.vectorScale ?? 1
        classifier.metrics = manifest.metrics
        return classifier
    }
}
