// The part of the network shared by all heads: token ids in, one normalised hidden state per
// position out. Two implementations (transformer, LSTM) behind one protocol so heads, training,
// generation and checkpoints do not care which one runs. Shapes: ids [B·T], hidden [B·T, C].
import TensorCore

/// A causal sequence encoder whose token embedding also serves as the LM head.
protocol Trunk: AnyObject {
    /// C, the hidden width.
    var channels: Int { get }
    /// The longest sequence.
    var contextLength: Int { get }
    /// Token embedding [V, C], tied to the LM head.
    var tokenEmbedding: Embedding { get }
    /// Every parameter in checkpoint order.
    var parameters: [Parameter] { get }
    /// Switches dropout on or off.
    var isTraining: Bool { get set }

    /// Hidden states [B·T, C] after the final LayerNorm for `ids` [B·T] (`batch` rows of `length`).
    func forward(_ ids: [Int], batch: Int, length: Int) throws -> Tensor
    /// Hidden states [rows.count, C] at `rows` (indices into the B·T positions) of `ids` [B·T],
    /// for inference: an implementation may skip work the other positions alone need.
    func forward(_ ids: [Int], batch: Int, length: Int, rows: [Int]) throws -> Tensor
    /// Accumulates parameter gradients from d(hidden) [B·T, C] of the last forward.
    func backward(_ hiddenGradient: Tensor)
    /// Empty incremental-decoding state for one sequence.
    func makeDecodingState() -> DecodingState
    /// Hidden states [n, C] of `ids` [n] continuing the sequence in `state` (which advances).
    func decode(_ ids: [Int], state: DecodingState) throws -> Tensor
}

extension Trunk {
    /// The full forward, gathered at `rows`.
    func forward(_ ids: [Int], batch: Int, length: Int, rows: [Int]) throws -> Tensor {
        ChatNetwork.gather(try forward(ids, batch: batch, length: length), rows: rows, width: channels)
    }
}

/// What a trunk remembers of one sequence between decoding calls.
final class DecodingState {
    /// Tokens consumed so far.
    var count = 0
    /// Transformer: one key/value cache per block.
    var caches: [KeyValueCache] = []
    /// LSTM: one state per layer.
    var lstmStates: [LSTMState] = []
    /// LSTM: gate scratch per layer, reused across steps.
    var scratch: [[Float]] = []
}
