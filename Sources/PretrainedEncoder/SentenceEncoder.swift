// A BERT-family sentence encoder (all-MiniLM-L6-v2 and its kin): WordPiece tokenizer, embeddings,
// post-LN encoder layers, mean pooling. Loads a Hugging Face folder (config.json,
// model.safetensors, tokenizer.json); forward is batched through BLAS, backward reaches every
// parameter so the top layers can be fine-tuned.
import Foundation
import TensorCore
import Tokenization

/// A pretrained bidirectional encoder that turns texts into sentence vectors.
public final class SentenceEncoder {
    /// The shape read from config.json.
    public let configuration: EncoderConfiguration
    /// The WordPiece tokenizer, truncating to the encoder's positions.
    public let tokenizer: WordPieceTokenizer
    /// The input layer.
    public let embeddings: EncoderEmbeddings
    /// The encoder layers, bottom first.
    public let layers: [PostNormEncoderBlock]
    /// The pooling (normalised to unit length by default, as sentence-transformers does).
    public let pooling: MeanPooling
    /// The folder it was loaded from (nil for a random encoder).
    public private(set) var folder: URL?

    /// A randomly initialised encoder (tests) with `tokenizer`.
    public init(configuration: EncoderConfiguration, tokenizer: WordPieceTokenizer, normalizes: Bool = true,
                generator: inout SeededGenerator) {
        self.configuration = configuration
        self.tokenizer = tokenizer.truncating(to: configuration.maxPositions)
        embeddings = EncoderEmbeddings(configuration, generator: &generator)
        layers = (0..<configuration.layerCount).map {
            PostNormEncoderBlock(channels: configuration.hiddenSize, headCount: configuration.headCount,
                                 intermediateSize: configuration.intermediateSize,
                                 layerNormEpsilon: configuration.layerNormEpsilon, name: "encoder.layer.\($0).",
                                 generator: &generator)
        }
        pooling = MeanPooling(normalizes: normalizes)
    }

    /// Every parameter under its Hugging Face name (without a `bert.` prefix), inputs first.
    public var parameters: [Parameter] { embeddings.parameters + layers.flatMap(\.parameters) }

    /// C, the width of the sentence vectors.
    public var dimension: Int { configuration.hiddenSize }

    /// The files of an encoder folder.
    public static let requiredFiles = ["config.json", "model.safetensors", "tokenizer.json"]

    /// Loads the encoder in `folder`; errors name the file and the problem.
    ///
    /// Weights may carry a `bert.` prefix; `embeddings.position_ids` and `pooler.*` are ignored;
    /// any other missing, extra or misshapen tensor is an error.
    public static func load(from folder: URL, normalizes: Bool = true) throws(PretrainedEncoderError) -> SentenceEncoder {
        for name in requiredFiles where !FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path) {
            throw PretrainedEncoderError("not an encoder folder: \(name) is missing", file: folder.path)
        }
        let configuration = try EncoderConfiguration(contentsOf: folder.appendingPathComponent("config.json"))
        let tokenizerPath = folder.appendingPathComponent("tokenizer.json").path
        let tokenizer: WordPieceTokenizer
        do {
            tokenizer = try WordPieceTokenizer(contentsOfFile: tokenizerPath)
        } catch {
            throw PretrainedEncoderError(error.message, file: tokenizerPath)
        }
        guard tokenizer.vocabularySize <= configuration.vocabularySize else {
            throw PretrainedEncoderError("has \(tokenizer.vocabularySize) tokens but config.json's vocab_size is "
                                         + "\(configuration.vocabularySize)", file: tokenizerPath)
        }
        var generator = SeededGenerator(seed: 0)
        let encoder = SentenceEncoder(configuration: configuration, tokenizer: tokenizer, normalizes: normalizes,
                                      generator: &generator)
        let weightsURL = folder.appendingPathComponent("model.safetensors")
        do {
            var file = try SafeTensors.read(from: weightsURL)
            file = renamed(file)
            try SafeTensors.assign(file, to: encoder.parameters, allowingConversion: true, path: weightsURL.path)
        } catch {
            throw PretrainedEncoderError(error.message, file: weightsURL.path)
        }
        encoder.folder = folder
        return encoder
    }

    /// The file's tensors without a `bert.` prefix, position ids and the pooler.
    private static func renamed(_ file: SafeTensorsFile) -> SafeTensorsFile {
        var result = SafeTensorsFile(names: [], tensors: [:], dtypes: [:], metadata: file.metadata)
        for name in file.names {
            let plain = name.hasPrefix("bert.") ? String(name.dropFirst(5)) : name
            guard plain != "embeddings.position_ids", !plain.hasPrefix("pooler.") else { continue }
            result.names.append(plain)
            result.tensors[plain] = file.tensors[name]
            result.dtypes[plain] = file.dtypes[name]
        }
        return result
    }

    /// The padded batch of `texts` (each wrapped in the tokenizer's template).
    public func batch(_ texts: [String]) -> EncoderBatch {
        batch(encodings: texts.map { tokenizer.encode($0) })
    }

    /// The padded batch of already tokenised texts.
    func batch(encodings: [WordPieceEncoding]) -> EncoderBatch {
        EncoderBatch(encodings.map { encoding in
            // A template-less tokenizer gives nothing for "": keep one padding token so pooling has a position.
            encoding.ids.isEmpty ? (ids: [tokenizer.paddingID], typeIDs: [0]) : (encoding.ids, encoding.typeIDs)
        }, paddingID: tokenizer.paddingID)
    }

    /// The last hidden states [B, T, C] of `batch`. With `retainingInputs` (training) every layer
    /// keeps what its backward needs; `trainableFrom` layers below that index keep nothing.
    public func hiddenStates(_ batch: EncoderBatch, retainingInputs: Bool = false, trainableFrom: Int = 0) throws -> Tensor {
        guard batch.count > 0 else { return Tensor(shape: [0, 0, dimension]) }
        var x = try embeddings.forward(batch)
        for (index, layer) in layers.enumerated() {
            x = layer.forward(x, lengths: batch.lengths, retainingInputs: retainingInputs && index >= trainableFrom)
        }
        return x
    }

    /// The pooled sentence vectors [B, C] of `batch`.
    public func forward(_ batch: EncoderBatch, retainingInputs: Bool = false, trainableFrom: Int = 0) throws -> Tensor {
        guard batch.count > 0 else { return Tensor(shape: [0, dimension]) }
        let hidden = try hiddenStates(batch, retainingInputs: retainingInputs, trainableFrom: trainableFrom)
        return pooling.forward(hidden, lengths: batch.lengths)
    }

    /// Accumulates gradients from `pooledGradient` [B, C] of the last training forward into the
    /// layers from `trainableFrom` up (and the embeddings when it is 0).
    public func backward(_ pooledGradient: Tensor, trainableFrom: Int = 0) {
        var gradient = pooling.backward(pooledGradient)
        for layer in layers[trainableFrom...].reversed() { gradient = layer.backward(gradient) }
        if trainableFrom == 0 { embeddings.backward(gradient) }
    }
}
