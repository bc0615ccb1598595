// One call that checks a layer's whole backward: the input gradient and every parameter
// gradient against finite differences of Σ output ⊙ W for a fixed random W.
import TensorCore

extension GradientCheck {
    /// Runs `forward` then `backward` once on `input` and checks the returned input gradient (when
    /// `backward` returns one) and every parameter's gradient. Returns one result per checked tensor.
    ///
    /// - Parameters:
    ///   - input: The layer input; perturbed element by element for the input check.
    ///   - parameters: The layer's parameters; their gradients are zeroed first.
    ///   - forward: Runs the layer on an input and returns its output.
    ///   - backward: Runs the layer's backward on an output gradient and returns the input gradient, or nil.
    public static func checkLayer(
        input: Tensor, parameters: [Parameter], seed: UInt64 = 99, epsilon: Float = 1e-2,
        forward: (Tensor) -> Tensor, backward: (Tensor) -> Tensor?
    ) -> [(label: String, result: Result)] {
        var x = input
        var generator = SeededGenerator(seed: seed)
        let weights = Tensor.randomNormal(forward(x).shape, using: &generator)
        parameters.zeroGradients()
        _ = forward(x)
        let inputGradient = backward(weights)
        let loss = { weightedSum(forward(x), weights) }
        var results: [(String, Result)] = []
        if let inputGradient {
            results.append(("input", check(analytic: inputGradient, label: "input", epsilon: epsilon,
                                           perturb: { x.scalars[$0] += $1 }, loss: loss)))
        }
        for parameter in parameters {
            results.append((parameter.name, check(parameter, epsilon: epsilon, loss: loss)))
        }
        return results
    }
}
