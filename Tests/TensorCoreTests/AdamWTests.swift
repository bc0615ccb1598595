// AdamW against torch.optim.AdamW (scripts/fixtures/adamw_reference.py: lr 0.1, betas 0.9/0.99,
// eps 1e-8, weight decay 0.1, four steps with fixed gradients).
import TensorCore
import Testing

@Test func adamWMatchesTorchForFourSteps() {
    let parameter = Parameter(name: "p", value: Tensor(shape: [5], scalars: [0.5, -1, 2, 0, 3]))
    let optimizer = AdamW(parameters: [parameter], learningRate: 0.1, beta1: 0.9, beta2: 0.99,
                          epsilon: 1e-8, weightDecay: 0.1)
    let gradients: [[Float]] = [
        [0.1, -0.2, 0.3, 0, 1], [0.2, 0.1, -0.4, 0, -1], [-0.3, 0.05, 0.2, 0, 0.5], [0, -0.1, 0.1, 0, 2],
    ]
    let torchValues: [[Float]] = [  // printed by scripts/fixtures/adamw_reference.py
        [0.39499998, -0.88999999, 1.88000000, 0.00000000, 2.87000012],
        [0.29466251, -0.85443008, 1.88053882, 0.00000000, 2.84656334],
        [0.29835865, -0.83972698, 1.85187411, 0.00000000, 2.80059886],
        [0.30082881, -0.80335170, 1.81474972, 0.00000000, 2.71766639],
    ]
    for (gradient, expected) in zip(gradients, torchValues) {
        parameter.gradient = Tensor(shape: [5], scalars: gradient)
        optimizer.step()
        #expect(zip(parameter.value.scalars, expected).allSatisfy { abs($0 - $1) < 2e-6 },
                "step \(optimizer.stepCount): \(parameter.value.scalars)")
    }
}

@Test func adamWSkipsWeightDecayWhereAsked() {
    let decayed = Parameter(name: "w", value: Tensor(shape: [1], scalars: [1]))
    let kept = Parameter(name: "b", value: Tensor(shape: [1], scalars: [1]))
    let optimizer = AdamW(parameters: [decayed, kept], learningRate: 0.1, weightDecay: 0.5,
                          decaysWeight: { $0.name == "w" })
    optimizer.step()  // zero gradients: only decay moves anything
    #expect(abs(decayed.value.scalars[0] - 0.95) < 1e-7)
    #expect(kept.value.scalars[0] == 1)
}
