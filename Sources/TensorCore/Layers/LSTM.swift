// A single-layer LSTM over whole sequences, with backpropagation through time. Parameters and
// gate order (i, f, g, o) follow torch.nn.LSTM. Shapes: B batch, T time, I input size,
// H hidden size, G = 4H gate values; x [B, T, I], y [B, T, H], W_ih [G, I], W_hh [G, H].
import Foundation

/// A long short-term memory layer run over a batch of sequences.
///
/// For each step: gates = x_t W_ihᵀ + b_ih + h_{t-1} W_hhᵀ + b_hh, split into i, f, g, o;
/// c_t = σ(f) ⊙ c_{t-1} + σ(i) ⊙ tanh(g); h_t = σ(o) ⊙ tanh(c_t). The input projection of all
/// steps is one GEMM; the recurrent projection is one GEMM per step.
public final class LSTM {
    /// I, the size of each input vector.
    public let inputSize: Int
    /// H, the size of the hidden and cell states.
    public let hiddenSize: Int
    /// W_ih [4H, I], rows in gate order i, f, g, o.
    public let weightIH: Parameter
    /// W_hh [4H, H], rows in gate order i, f, g, o.
    public let weightHH: Parameter
    /// b_ih [4H].
    public let biasIH: Parameter
    /// b_hh [4H].
    public let biasHH: Parameter

    // Kept by forward for backward (reused across calls of one shape).
    private var batch = 0, steps = 0
    private var input = Tensor.zeros([0])
    private var output = Tensor.zeros([0])
    private var gates: [Float] = []          // activated i, f, g, o: [B, T, 4H]
    private var cells: [Float] = []          // c_t: [B, T, H]
    private var initialHidden: [Float] = []  // h_0: [B, H]
    private var initialCell: [Float] = []    // c_0: [B, H]
    private var hasInitialState = false
    // Backward scratch.
    private var gateGradients: [Float] = []  // d(pre-activation gates): [B, T, 4H]
    private var previousHidden: [Float] = [] // h_{t-1} for every step: [B, T, H]
    private var hiddenGradient: [Float] = [] // dh flowing into step t-1: [B, H]
    private var cellGradient: [Float] = []   // dc flowing into step t-1: [B, H]

    /// The gradient of the loss with respect to the initial state, set by `backward`
    /// (zero-state runs report it too; it is then simply unused).
    public private(set) var initialStateGradient: LSTMState?

    /// A layer with weights uniform in ±1/√H as in PyTorch, and biases zero except the
    /// forget-gate slice of `bias_ih`, which starts at `forgetBias`.
    ///
    /// A positive forget bias (σ(1) ≈ 0.73) lets the cell keep its contents across many steps
    /// early in training instead of halving them every step (Jozefowicz et al., 2015).
    /// - Parameter name: The checkpoint prefix, e.g. `trunk.lstm.`; parameters are
    ///   `weight_ih`, `weight_hh`, `bias_ih`, `bias_hh` after it.
    public init(inputSize: Int, hiddenSize: Int, forgetBias: Float = 1, name: String = "",
                generator: inout SeededGenerator) {
        precondition(inputSize > 0 && hiddenSize > 0, "LSTM needs positive sizes")
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        let bound = 1 / Float(hiddenSize).squareRoot(), g = 4 * hiddenSize
        weightIH = Parameter(name: name + "weight_ih",
                             value: .randomUniform([g, inputSize], in: -bound...bound, using: &generator))
        weightHH = Parameter(name: name + "weight_hh",
                             value: .randomUniform([g, hiddenSize], in: -bound...bound, using: &generator))
        var forget = Tensor.zeros([g])
        for j in hiddenSize..<(2 * hiddenSize) { forget.scalars[j] = forgetBias }
        biasIH = Parameter(name: name + "bias_ih", value: forget)
        biasHH = Parameter(name: name + "bias_hh", value: .zeros([g]))
    }

    /// weight_ih, weight_hh, bias_ih, bias_hh (torch.nn.LSTM's order).
    public var parameters: [Parameter] { [weightIH, weightHH, biasIH, biasHH] }

    /// The state after the last step of the last `forward`: h [B, H] and c [B, H].
    public var finalState: LSTMState {
        let h = hiddenSize
        var state = LSTMState.zeros(batchSize: batch, hiddenSize: h)
        for b in 0..<batch {
            let row = (b * steps + steps - 1) * h
            for j in 0..<h {
                state.hidden.scalars[b * h + j] = output.scalars[row + j]
                state.cell.scalars[b * h + j] = cells[row + j]
            }
        }
        return state
    }

    /// Runs the sequences `input` [B, T, I] from `initialState` (h, c [B, H]; zeros when nil)
    /// and returns every hidden state, y [B, T, H].
    public func forward(_ input: Tensor, initialState: LSTMState? = nil) -> Tensor {
        precondition(input.rank == 3 && input.shape[2] == inputSize && input.shape[0] > 0 && input.shape[1] > 0,
                     "LSTM(\(inputSize)→\(hiddenSize)) takes input [B, T, \(inputSize)], got \(input.shape)")
        let (bSize, tSize, h, g) = (input.shape[0], input.shape[1], hiddenSize, 4 * hiddenSize)
        if let initialState {
            precondition(initialState.hidden.shape == [bSize, h] && initialState.cell.shape == [bSize, h],
                         "LSTM initial state \(initialState.hidden.shape), \(initialState.cell.shape) is not [\(bSize), \(h)]")
        }
        prepare(batch: bSize, steps: tSize)
        self.input = input
        hasInitialState = initialState != nil
        initialHidden = initialState?.hidden.scalars ?? [Float](repeating: 0, count: bSize * h)
        initialCell = initialState?.cell.scalars ?? [Float](repeating: 0, count: bSize * h)
        let bias = zip(biasIH.value.scalars, biasHH.value.scalars).map { $0 + $1 }
        let (hasInitialState, inputSize) = (self.hasInitialState, self.inputSize)
        gates.withUnsafeMutableBufferPointer { gatesBuffer in
            let gp = gatesBuffer.baseAddress!
            for row in 0..<(bSize * tSize) {
                for j in 0..<g { gp[row * g + j] = bias[j] }
            }
            input.withUnsafeBufferPointer { x in
                weightIH.value.withUnsafeBufferPointer { w in
                    BLAS.gemm(transposeB: true, m: bSize * tSize, n: g, k: inputSize, a: x.baseAddress!, lda: inputSize,
                              b: w.baseAddress!, ldb: inputSize, beta: 1, c: gp, ldc: g)
                }
            }
            weightHH.value.withUnsafeBufferPointer { whh in
                cells.withUnsafeMutableBufferPointer { c in
                    output.withUnsafeMutableBufferPointer { y in
                        initialHidden.withUnsafeBufferPointer { h0 in
                            initialCell.withUnsafeBufferPointer { c0 in
                                for t in 0..<tSize {
                                    if t > 0 || hasInitialState {
                                        let (hp, ldh) = t == 0 ? (h0.baseAddress!, h) : (UnsafePointer(y.baseAddress! + (t - 1) * h), tSize * h)
                                        BLAS.gemm(transposeB: true, m: bSize, n: g, k: h, a: hp, lda: ldh,
                                                  b: whh.baseAddress!, ldb: h, beta: 1, c: gp + t * g, ldc: tSize * g)
                                    }
                                    for b in 0..<bSize {
                                        let row = b * tSize + t
                                        let cPrev = t == 0 ? c0.baseAddress! + b * h : UnsafePointer(c.baseAddress! + (row - 1) * h)
                                        Self.cellStep(gates: gp + row * g, previousCell: cPrev, cell: c.baseAddress! + row * h,
                                                      hidden: y.baseAddress! + row * h, hiddenSize: h)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return output
    }

    /// Returns dx [B, T, I] for dy = `outputGradient` [B, T, H], accumulates the gradients of all
    /// four parameters and sets `initialStateGradient`. Uses what the last `forward` kept.
    public func backward(_ outputGradient: Tensor) -> Tensor {
        precondition(outputGradient.shape == [batch, steps, hiddenSize],
                     "LSTM backward: gradient \(outputGradient.shape) is not [\(batch), \(steps), \(hiddenSize)]")
        let (bSize, tSize, h, g, inSize) = (batch, steps, hiddenSize, 4 * hiddenSize, inputSize)
        hiddenGradient.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        cellGradient.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        gateGradients.withUnsafeMutableBufferPointer { dGatesBuffer in
            let dg = dGatesBuffer.baseAddress!
            weightHH.value.withUnsafeBufferPointer { whh in
                gates.withUnsafeBufferPointer { act in
                    cells.withUnsafeBufferPointer { c in
                        initialCell.withUnsafeBufferPointer { c0 in
                            outputGradient.withUnsafeBufferPointer { dy in
                                hiddenGradient.withUnsafeMutableBufferPointer { dh in
                                    cellGradient.withUnsafeMutableBufferPointer { dc in
                                        for t in stride(from: tSize - 1, through: 0, by: -1) {
                                            for b in 0..<bSize {
                                                let row = b * tSize + t
                                                let cPrev = t == 0 ? c0.baseAddress! + b * h : c.baseAddress! + (row - 1) * h
                                                Self.cellStepBackward(
                                                    gateGradients: dg + row * g, outputGradient: dy.baseAddress! + row * h,
                                                    hiddenGradient: dh.baseAddress! + b * h, cellGradient: dc.baseAddress! + b * h,
                                                    gates: act.baseAddress! + row * g, previousCell: cPrev,
                                                    cell: c.baseAddress! + row * h, hiddenSize: h)
                                            }
                                            // dh_{t-1} = dgates_t W_hh.
                                            BLAS.gemm(m: bSize, n: h, k: g, a: dg + t * g, lda: tSize * g,
                                                      b: whh.baseAddress!, ldb: h, beta: 0, c: dh.baseAddress!, ldc: h)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        initialStateGradient = LSTMState(hidden: Tensor(shape: [bSize, h], scalars: hiddenGradient),
                                         cell: Tensor(shape: [bSize, h], scalars: cellGradient))
        gatherPreviousHidden()
        return accumulateParameterGradients(rows: bSize * tSize, g: g, h: h, inputSize: inSize)
    }
}

// MARK: - Buffers and the weight-gradient GEMMs

extension LSTM {
    /// Sizes the kept activations and backward scratch for [B, T] (no allocation when unchanged).
    private func prepare(batch bSize: Int, steps tSize: Int) {
        let (h, g) = (hiddenSize, 4 * hiddenSize)
        if bSize != batch || tSize != steps || output.count != bSize * tSize * h {
            batch = bSize
            steps = tSize
            gates = [Float](repeating: 0, count: bSize * tSize * g)
            gateGradients = gates
            cells = [Float](repeating: 0, count: bSize * tSize * h)
            previousHidden = cells
            hiddenGradient = [Float](repeating: 0, count: bSize * h)
            cellGradient = hiddenGradient
        }
        // A fresh output buffer each call when the caller still holds the last one (copy on write).
        if output.shape != [bSize, tSize, h] { output = .zeros([bSize, tSize, h]) }
    }

    /// Fills `previousHidden` [B, T, H] with h_{t-1} for every step (h_0 for t = 0).
    private func gatherPreviousHidden() {
        let (tSize, h) = (steps, hiddenSize)
        previousHidden.withUnsafeMutableBufferPointer { hp in
            output.withUnsafeBufferPointer { y in
                initialHidden.withUnsafeBufferPointer { h0 in
                    for b in 0..<batch {
                        for j in 0..<h { hp[b * tSize * h + j] = h0[b * h + j] }
                        for t in 1..<max(tSize, 1) {
                            let row = b * tSize + t
                            for j in 0..<h { hp[row * h + j] = y[(row - 1) * h + j] }
                        }
                    }
                }
            }
        }
    }

    /// dW_ih += dGᵀ x, dW_hh += dGᵀ h_prev, db_ih = db_hh += Σ dG; returns dx = dG W_ih.
    private func accumulateParameterGradients(rows: Int, g: Int, h: Int, inputSize: Int) -> Tensor {
        var inputGradient = Tensor.zeros([batch, steps, inputSize])
        gateGradients.withUnsafeBufferPointer { dGates in
            let dg = dGates.baseAddress!
            input.withUnsafeBufferPointer { x in
                weightIH.gradient.withUnsafeMutableBufferPointer { dw in
                    BLAS.gemm(transposeA: true, m: g, n: inputSize, k: rows, a: dg, lda: g,
                              b: x.baseAddress!, ldb: inputSize, beta: 1, c: dw.baseAddress!, ldc: inputSize)
                }
            }
            previousHidden.withUnsafeBufferPointer { hp in
                weightHH.gradient.withUnsafeMutableBufferPointer { dw in
                    BLAS.gemm(transposeA: true, m: g, n: h, k: rows, a: dg, lda: g,
                              b: hp.baseAddress!, ldb: h, beta: 1, c: dw.baseAddress!, ldc: h)
                }
            }
            var biasGradient = [Float](repeating: 0, count: g)
            for row in 0..<rows {
                for j in 0..<g { biasGradient[j] += dg[row * g + j] }
            }
            for j in 0..<g {
                biasIH.gradient.scalars[j] += biasGradient[j]
                biasHH.gradient.scalars[j] += biasGradient[j]
            }
            weightIH.value.withUnsafeBufferPointer { w in
                inputGradient.withUnsafeMutableBufferPointer { dx in
                    BLAS.gemm(m: rows, n: inputSize, k: g, a: dg, lda: g, b: w.baseAddress!, ldb: inputSize,
                              beta: 0, c: dx.baseAddress!, ldc: inputSize)
                }
            }
        }
        return inputGradient
    }
}

// MARK: - One cell step, forward and backward

extension LSTM {
    /// Activates one row of gates in place and writes c_t and h_t.
    ///
    /// - Parameters:
    ///   - gates: [4H] pre-activations i, f, g, o on entry; σ(i), σ(f), tanh(g), σ(o) on return.
    ///   - previousCell: c_{t-1} [H] (may equal `cell`).
    ///   - cell: c_t [H], written.
    ///   - hidden: h_t [H], written.
    @inline(__always)
    static func cellStep(gates: UnsafeMutablePointer<Float>, previousCell: UnsafePointer<Float>,
                         cell: UnsafeMutablePointer<Float>, hidden: UnsafeMutablePointer<Float>, hiddenSize h: Int) {
        for j in 0..<h {
            let i = sigmoid(gates[j]), f = sigmoid(gates[h + j])
            let g = tanhf(gates[2 * h + j]), o = sigmoid(gates[3 * h + j])
            gates[j] = i
            gates[h + j] = f
            gates[2 * h + j] = g
            gates[3 * h + j] = o
            let c = f * previousCell[j] + i * g
            cell[j] = c
            hidden[j] = o * tanhf(c)
        }
    }

    /// Backward of `cellStep` for one row: writes the pre-activation gate gradients.
    ///
    /// - Parameters:
    ///   - gateGradients: [4H], written with d(pre-activation) of i, f, g, o.
    ///   - outputGradient: dy_t [H] from the loss.
    ///   - hiddenGradient: dh_t [H] from step t+1 (added to dy_t; read only).
    ///   - cellGradient: dc_t [H] from step t+1 on entry; dc_{t-1} on return.
    ///   - gates: the activated gates [4H] kept by forward.
    ///   - previousCell: c_{t-1} [H]; cell: c_t [H].
    @inline(__always)
    static func cellStepBackward(
        gateGradients: UnsafeMutablePointer<Float>, outputGradient: UnsafePointer<Float>,
        hiddenGradient: UnsafePointer<Float>, cellGradient: UnsafeMutablePointer<Float>,
        gates: UnsafePointer<Float>, previousCell: UnsafePointer<Float>, cell: UnsafePointer<Float>,
        hiddenSize h: Int
    ) {
        for j in 0..<h {
            let i = gates[j], f = gates[h + j], g = gates[2 * h + j], o = gates[3 * h + j]
            let dh = outputGradient[j] + hiddenGradient[j]
            let tanhC = tanhf(cell[j])
            let dc = cellGradient[j] + dh * o * (1 - tanhC * tanhC)
            gateGradients[j] = dc * g * i * (1 - i)
            gateGradients[h + j] = dc * previousCell[j] * f * (1 - f)
            gateGradients[2 * h + j] = dc * i * (1 - g * g)
            gateGradients[3 * h + j] = dh * tanhC * o * (1 - o)
            cellGradient[j] = dc * f
        }
    }

    @inline(__always)
    static func sigmoid(_ x: Float) -> Float { 1 / (1 + expf(-x)) }
}
