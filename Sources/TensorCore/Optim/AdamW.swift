// AdamW as in torch.optim.AdamW: bias-corrected moments and weight decay decoupled from the
// gradient (p ← p − lr·λ·p before the Adam step). One loop over the parameter table.
import Foundation

/// The AdamW optimizer over a fixed, ordered list of parameters.
public final class AdamW {
    /// The parameters, in the order their moments are stored.
    public let parameters: [Parameter]
    /// The step size; change it between steps for a schedule.
    public var learningRate: Float
    /// β₁, the first-moment decay.
    public var beta1: Float
    /// β₂, the second-moment decay.
    public var beta2: Float
    /// ε, added to √v̂ in the denominator.
    public var epsilon: Float
    /// λ, the decoupled weight decay.
    public var weightDecay: Float
    /// Steps taken so far (t in the bias corrections).
    public private(set) var stepCount = 0

    private var firstMoments: [[Float]]
    private var secondMoments: [[Float]]
    private let decays: [Bool]

    /// An optimizer with torch.optim.AdamW's defaults (lr 1e-3, betas 0.9/0.999, eps 1e-8, decay 0.01).
    ///
    /// - Parameter decaysWeight: Which parameters get weight decay (all by default; models usually
    ///   exclude biases and LayerNorm gains).
    public init(parameters: [Parameter], learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999,
                epsilon: Float = 1e-8, weightDecay: Float = 0.01,
                decaysWeight: (Parameter) -> Bool = { _ in true }) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        firstMoments = parameters.map { [Float](repeating: 0, count: $0.value.count) }
        secondMoments = parameters.map { [Float](repeating: 0, count: $0.value.count) }
        decays = parameters.map(decaysWeight)
    }

    /// Updates every parameter from its accumulated gradient (gradients are not zeroed).
    public func step() {
        stepCount += 1
        let t = Float(stepCount)
        let correction1 = 1 - pow(beta1, t), correction2 = 1 - pow(beta2, t)
        let stepSize = learningRate / correction1
        let rootCorrection2 = correction2.squareRoot()
        let (b1, b2, eps) = (beta1, beta2, epsilon)
        for (index, parameter) in parameters.enumerated() where parameter.value.count > 0 {
            let shrink = decays[index] ? 1 - learningRate * weightDecay : 1
            parameter.gradient.withUnsafeBufferPointer { g in
                parameter.value.withUnsafeMutableBufferPointer { p in
                    firstMoments[index].withUnsafeMutableBufferPointer { m in
                        secondMoments[index].withUnsafeMutableBufferPointer { v in
                            let count = p.count
                            let (g, p, m, v) = (g.baseAddress!, p.baseAddress!, m.baseAddress!, v.baseAddress!)
                            Parallel.forEachChunk(count, minimumChunk: 65_536) { _, range in
                                for i in range {
                                    let gi = g[i]
                                    m[i] = b1 * m[i] + (1 - b1) * gi
                                    v[i] = b2 * v[i] + (1 - b2) * gi * gi
                                    let denominator = v[i].squareRoot() / rootCorrection2 + eps
                                    p[i] = p[i] * shrink - stepSize * m[i] / denominator
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
