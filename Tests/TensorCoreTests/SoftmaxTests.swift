// Row softmax and log-softmax: known values, huge logits without overflow, rows summing to one.
import TensorCore
import Testing

@Test func softmaxAndLogSoftmaxMatchKnownValuesPerRow() {
    let x = Tensor(shape: [2, 3], scalars: [1, 2, 3, 1000, 1001, -1000])
    let p = x.softmax().scalars
    let expected: [Float] = [0.090_030_57, 0.244_728_47, 0.665_240_96, 0.268_941_42, 0.731_058_6, 0]
    #expect(zip(p, expected).allSatisfy { abs($0 - $1) < 1e-6 }, "\(p)")
    let logP = x.logSoftmax().scalars
    let expectedLog: [Float] = [-2.407_606, -1.407_606, -0.407_606, -1.313_261_7, -0.313_261_7, -2001.313_2]
    #expect(zip(logP, expectedLog).allSatisfy { abs($0 - $1) < 1e-4 }, "\(logP)")
    #expect(logP.allSatisfy { $0.isFinite })
}

@Test func softmaxOfASingleColumnIsOne() {
    let p = Tensor(shape: [3, 1], scalars: [-5, 0, 7]).softmax()
    #expect(p.scalars == [1, 1, 1])
}
