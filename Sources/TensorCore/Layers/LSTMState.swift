// The recurrent state an LSTM carries between steps: hidden and cell values per sequence.

/// The hidden state h and cell state c of an LSTM for a batch of sequences.
public struct LSTMState: Sendable, Equatable {
    /// h [B, H].
    public var hidden: Tensor
    /// c [B, H].
    public var cell: Tensor

    /// A state with the given hidden [B, H] and cell [B, H] values.
    public init(hidden: Tensor, cell: Tensor) {
        precondition(hidden.rank == 2 && hidden.shape == cell.shape,
                     "LSTMState needs hidden and cell of one shape [B, H], got \(hidden.shape) and \(cell.shape)")
        self.hidden = hidden
        self.cell = cell
    }

    /// The all-zero state for `batchSize` sequences of `hiddenSize` units.
    public static func zeros(batchSize: Int, hiddenSize: Int) -> LSTMState {
        LSTMState(hidden: .zeros([batchSize, hiddenSize]), cell: .zeros([batchSize, hiddenSize]))
    }
}
