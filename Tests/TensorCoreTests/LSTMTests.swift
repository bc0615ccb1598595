// LSTM: finite-difference checks of every gradient over several shapes, agreement with
// torch.nn.LSTM (values and gradients, Resources/lstm_reference_*.safetensors from
// scripts/fixtures/make_lstm_fixture.py), and the single-step API against whole-sequence forward.
import Foundation
import TensorCore
import TestSupport
import Testing

/// Largest |a − b| over two equally shaped tensors.
private func maxDifference(_ a: Tensor?, _ b: Tensor?) -> Float {
    guard let a, let b, a.shape == b.shape else { return .infinity }
    return zip(a.scalars, b.scalars).map { abs($0 - $1) }.max() ?? 0
}

/// (B, T, I, H, with a given initial state)
private let gradientShapes: [(Int, Int, Int, Int, Bool)] = [
    (1, 1, 1, 1, false), (2, 3, 4, 3, false), (1, 5, 2, 1, true), (3, 2, 1, 4, true), (2, 4, 3, 3, true),
]

@Test(arguments: gradientShapes)
func lstmGradientsMatchFiniteDifferences(shape: (Int, Int, Int, Int, Bool)) {
    let (bSize, tSize, iSize, hSize, withState) = shape
    var generator = SeededGenerator(seed: UInt64(bSize * 1000 + tSize * 100 + iSize * 10 + hSize))
    let lstm = LSTM(inputSize: iSize, hiddenSize: hSize, generator: &generator)
    for parameter in lstm.parameters {  // exercise every bias, not just the forget slice
        parameter.value = .randomNormal(parameter.value.shape, standardDeviation: 0.5, using: &generator)
    }
    var input = Tensor.randomNormal([bSize, tSize, iSize], using: &generator)
    var state: LSTMState? = withState
        ? LSTMState(hidden: .randomNormal([bSize, hSize], standardDeviation: 0.5, using: &generator),
                    cell: .randomNormal([bSize, hSize], using: &generator))
        : nil
    let weights = Tensor.randomNormal([bSize, tSize, hSize], using: &generator)
    let loss = { GradientCheck.weightedSum(lstm.forward(input, initialState: state), weights) }

    _ = lstm.forward(input, initialState: state)
    let inputGradient = lstm.backward(weights)
    #expect(inputGradient.shape == input.shape)
    let stateGradient = lstm.initialStateGradient
    let tolerance = 1e-2
    let inputResult = GradientCheck.check(
        analytic: inputGradient, label: "input", perturb: { input.scalars[$0] += $1 }, loss: loss)
    #expect(inputResult.maxRelativeError < tolerance, "\(inputResult)")
    for parameter in lstm.parameters {
        let result = GradientCheck.check(parameter, loss: loss)
        #expect(result.maxRelativeError < tolerance, "\(result)")
    }
    if withState, let stateGradient {
        let hidden = GradientCheck.check(
            analytic: stateGradient.hidden, label: "h0", perturb: { state?.hidden.scalars[$0] += $1 }, loss: loss)
        let cell = GradientCheck.check(
            analytic: stateGradient.cell, label: "c0", perturb: { state?.cell.scalars[$0] += $1 }, loss: loss)
        #expect(hidden.maxRelativeError < tolerance, "\(hidden)")
        #expect(cell.maxRelativeError < tolerance, "\(cell)")
    }
}

@Test func lstmMatchesTorchValuesAndGradients() throws {
    var generator = SeededGenerator(seed: 0)
    let lstm = LSTM(inputSize: 3, hiddenSize: 2, name: "lstm.", generator: &generator)
    let weightsMetadata = try SafeTensors.load(into: lstm.parameters, from: Fixtures.url("lstm_reference_weights.safetensors"))
    #expect(weightsMetadata["source"] == "torch.nn.LSTM")
    let data = try SafeTensors.read(from: Fixtures.url("lstm_reference_data.safetensors"))
    let input = try #require(data["input"])

    #expect(maxDifference(lstm.forward(input), data["output_zero_state"]) < 1e-5)

    let h0 = try #require(data["h0"]), c0 = try #require(data["c0"])
    let output = lstm.forward(input, initialState: LSTMState(hidden: h0, cell: c0))
    #expect(maxDifference(output, data["output"]) < 1e-5)
    #expect(maxDifference(lstm.finalState.hidden, data["h_n"]) < 1e-5)
    #expect(maxDifference(lstm.finalState.cell, data["c_n"]) < 1e-5)

    let inputGradient = lstm.backward(try #require(data["loss_weights"]))
    #expect(maxDifference(inputGradient, data["grad_input"]) < 1e-5)
    #expect(maxDifference(lstm.initialStateGradient?.hidden, data["grad_h0"]) < 1e-5)
    #expect(maxDifference(lstm.initialStateGradient?.cell, data["grad_c0"]) < 1e-5)
    for (parameter, key) in zip(lstm.parameters, ["weight_ih", "weight_hh", "bias_ih", "bias_hh"]) {
        #expect(maxDifference(parameter.gradient, data["grad_" + key]) < 1e-5, "\(key)")
    }
}

@Test func backwardAccumulatesParameterGradients() {
    var generator = SeededGenerator(seed: 9)
    let lstm = LSTM(inputSize: 2, hiddenSize: 3, generator: &generator)
    let input = Tensor.randomNormal([2, 3, 2], using: &generator)
    let weights = Tensor.randomNormal([2, 3, 3], using: &generator)
    _ = lstm.forward(input)
    _ = lstm.backward(weights)
    let once = lstm.parameters.map(\.gradient)
    _ = lstm.forward(input)
    _ = lstm.backward(weights)
    for (parameter, first) in zip(lstm.parameters, once) {
        #expect(first.scalars.contains { $0 != 0 })
        #expect(maxDifference(parameter.gradient, Tensor(shape: first.shape, scalars: first.scalars.map { 2 * $0 })) < 1e-5)
    }
}

/// Steps `start..<start + count` of a [B, T, W] tensor, as [B, count, W].
private func timeSteps(_ tensor: Tensor, from start: Int, count: Int) -> Tensor {
    let (bSize, tSize, width) = (tensor.shape[0], tensor.shape[1], tensor.shape[2])
    var result = Tensor.zeros([bSize, count, width])
    for b in 0..<bSize {
        for t in 0..<count {
            for j in 0..<width {
                result.scalars[(b * count + t) * width + j] = tensor.scalars[(b * tSize + start + t) * width + j]
            }
        }
    }
    return result
}

@Test func steppingOneTokenAtATimeContinuesForward() {
    var generator = SeededGenerator(seed: 4)
    let lstm = LSTM(inputSize: 3, hiddenSize: 4, generator: &generator)
    let (bSize, tSize, prompt) = (2, 5, 3)
    let input = Tensor.randomNormal([bSize, tSize, 3], using: &generator)
    let whole = lstm.forward(input)

    func slice(_ tensor: Tensor, _ t: Int, width: Int) -> Tensor {
        timeSteps(tensor, from: t, count: 1).reshaped([bSize, width])
    }
    let promptInput = timeSteps(input, from: 0, count: prompt)
    _ = lstm.forward(promptInput)
    var state = lstm.finalState
    var scratch: [Float] = []
    for t in prompt..<tSize {
        let hidden = lstm.step(slice(input, t, width: 3), state: &state, scratch: &scratch)
        #expect(maxDifference(hidden, slice(whole, t, width: 4)) < 1e-5, "step \(t)")
    }
    var fromZero = LSTMState.zeros(batchSize: bSize, hiddenSize: 4)
    let first = lstm.step(slice(input, 0, width: 3), state: &fromZero, scratch: &scratch)
    #expect(maxDifference(first, slice(whole, 0, width: 4)) < 1e-5)
}

@Test func initialisationUsesTorchNamesShapesAndForgetBias() {
    var generator = SeededGenerator(seed: 1)
    let lstm = LSTM(inputSize: 5, hiddenSize: 3, name: "trunk.lstm.", generator: &generator)
    #expect(lstm.parameters.map(\.name) == ["trunk.lstm.weight_ih", "trunk.lstm.weight_hh", "trunk.lstm.bias_ih", "trunk.lstm.bias_hh"])
    #expect(lstm.parameters.map(\.value.shape) == [[12, 5], [12, 3], [12], [12]])
    #expect(lstm.biasIH.value.scalars == [0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0])
    #expect(lstm.biasHH.value.scalars.allSatisfy { $0 == 0 })
    let bound = 1 / Float(3).squareRoot()
    #expect(lstm.weightIH.value.scalars.allSatisfy { abs($0) <= bound })
    #expect(lstm.weightHH.value.scalars.contains { abs($0) > bound / 2 })
}
