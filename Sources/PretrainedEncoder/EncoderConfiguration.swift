// The parts of a Hugging Face BERT-family `config.json` the encoder needs, checked on load:
// widths, depths, vocabulary and position limits, and the activation (only GELU with erf).
import Foundation

/// A BERT-family encoder's shape (Hugging Face `config.json`).
public struct EncoderConfiguration: Codable, Sendable, Equatable {
    /// C, the hidden width (384 for MiniLM-L6).
    public var hiddenSize: Int
    /// The number of encoder layers.
    public var layerCount: Int
    /// H, attention heads per layer.
    public var headCount: Int
    /// The MLP's inner width (4C for BERT).
    public var intermediateSize: Int
    /// The longest input in tokens (learned positions).
    public var maxPositions: Int
    /// Token type (segment) vocabulary size.
    public var typeVocabularySize: Int
    /// Word-piece vocabulary size.
    public var vocabularySize: Int
    /// LayerNorm's epsilon.
    public var layerNormEpsilon: Float

    enum CodingKeys: String, CodingKey {
        case hiddenSize = "hidden_size", layerCount = "num_hidden_layers", headCount = "num_attention_heads"
        case intermediateSize = "intermediate_size", maxPositions = "max_position_embeddings"
        case typeVocabularySize = "type_vocab_size", vocabularySize = "vocab_size", layerNormEpsilon = "layer_norm_eps"
    }

    /// A configuration with the given sizes.
    public init(hiddenSize: Int, layerCount: Int, headCount: Int, intermediateSize: Int, maxPositions: Int,
                typeVocabularySize: Int, vocabularySize: Int, layerNormEpsilon: Float = 1e-12) {
        self.hiddenSize = hiddenSize
        self.layerCount = layerCount
        self.headCount = headCount
        self.intermediateSize = intermediateSize
        self.maxPositions = maxPositions
        self.typeVocabularySize = typeVocabularySize
        self.vocabularySize = vocabularySize
        self.layerNormEpsilon = layerNormEpsilon
    }

    /// Reads and checks `config.json`; errors name the file and the field.
    public init(contentsOf url: URL) throws(PretrainedEncoderError) {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw PretrainedEncoderError("cannot read file", file: url.path)
        }
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw PretrainedEncoderError("not a JSON object", file: url.path)
        }
        if let activation = object["hidden_act"] as? String, activation != "gelu" {
            throw PretrainedEncoderError("hidden_act: \(activation) is not supported (only gelu)", file: url.path)
        }
        if let positions = object["position_embedding_type"] as? String, positions != "absolute" {
            throw PretrainedEncoderError("position_embedding_type: \(positions) is not supported (only absolute)",
                                         file: url.path)
        }
        do {
            self = try JSONDecoder().decode(Self.self, from: data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw PretrainedEncoderError("\(key.stringValue): missing", file: url.path)
        } catch {
            throw PretrainedEncoderError("not a BERT config: \(error)", file: url.path)
        }
        let sizes = [("hidden_size", hiddenSize), ("num_hidden_layers", layerCount), ("num_attention_heads", headCount),
                     ("intermediate_size", intermediateSize), ("max_position_embeddings", maxPositions),
                     ("type_vocab_size", typeVocabularySize), ("vocab_size", vocabularySize)]
        for (key, value) in sizes where value <= 0 || value > 1_000_000 {
            throw PretrainedEncoderError("\(key): \(value) is not a usable size", file: url.path)
        }
        guard hiddenSize % headCount == 0 else {
            throw PretrainedEncoderError("hidden_size \(hiddenSize) does not split into \(headCount) heads", file: url.path)
        }
    }
}
