// Central finite differences against analytic gradients, for the backward tests of every
// layer and loss. The loss is accumulated in Double; the bound is relative with an absolute floor.
import TensorCore

/// Compares analytic gradients with central finite differences.
public enum GradientCheck {
    /// The worst disagreement found by one check.
    public struct Result: CustomStringConvertible {
        /// The largest |analytic − numeric| over the checked elements.
        public var maxAbsoluteError: Double = 0
        /// The largest |analytic − numeric| / max(|analytic|, |numeric|, floor).
        public var maxRelativeError: Double = 0
        /// Where the largest relative error was, for the failure message.
        public var worst = ""

        public var description: String {
            "max abs \(maxAbsoluteError), max rel \(maxRelativeError) at \(worst)"
        }
    }

    /// Checks `analytic` (the gradient of `loss` with respect to some tensor) element by element.
    ///
    /// - Parameters:
    ///   - analytic: The gradient the backward pass produced.
    ///   - label: A name for messages.
    ///   - epsilon: The finite-difference step.
    ///   - floor: Magnitudes below this are compared absolutely (relative error uses max(…, floor)).
    ///   - maxElements: At most this many elements are checked, spread evenly.
    ///   - perturb: Adds the given delta to element `index` of the tensor under test.
    ///   - loss: Runs the forward pass with the current values and returns the scalar loss.
    public static func check(
        analytic: Tensor, label: String, epsilon: Float = 1e-2, floor: Double = 1e-2,
        maxElements: Int = 96,
        perturb: (_ index: Int, _ delta: Float) -> Void,
        loss: () -> Double
    ) -> Result {
        var result = Result()
        let count = analytic.count
        let step = max(1, count / maxElements)
        for index in stride(from: 0, to: count, by: step) {
            perturb(index, epsilon)
            let plus = loss()
            perturb(index, -2 * epsilon)
            let minus = loss()
            perturb(index, epsilon)
            let numeric = (plus - minus) / (2 * Double(epsilon))
            let exact = Double(analytic.scalars[index])
            let absolute = abs(exact - numeric)
            let relative = absolute / max(abs(exact), abs(numeric), floor)
            result.maxAbsoluteError = max(result.maxAbsoluteError, absolute)
            if relative > result.maxRelativeError {
                result.maxRelativeError = relative
                result.worst = "\(label)[\(index)] analytic \(exact) numeric \(numeric)"
            }
        }
        return result
    }

    /// Checks a parameter's accumulated gradient against `loss`.
    public static func check(
        _ parameter: Parameter, epsilon: Float = 1e-2, floor: Double = 1e-2, loss: () -> Double
    ) -> Result {
        check(
            analytic: parameter.gradient, label: parameter.name, epsilon: epsilon, floor: floor,
            perturb: { index, delta in parameter.value.scalars[index] += delta },
            loss: loss)
    }

    /// A loss that weights every output value by a fixed random tensor, so its gradient with
    /// respect to the output is exactly that tensor: `loss = Σ output ⊙ weights`.
    public static func weightedSum(_ output: Tensor, _ weights: Tensor) -> Double {
        precondition(output.shape == weights.shape, "weights \(weights.shape) do not fit output \(output.shape)")
        var sum = 0.0
        for i in 0..<output.count { sum += Double(output.scalars[i]) * Double(weights.scalars[i]) }
        return sum
    }
}
