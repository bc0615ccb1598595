// The multi-task backward (tied LM head, <cls> gather, intent, sentiment and sparse heads, both
// trunks) against central finite differences; the inference heads against the full trunk run.
import LanguageModeling
import TensorCore
import TestSupport
import Testing

@Test(arguments: ChatModelConfig.Architecture.allCases)
func networkGradientsMatchFiniteDifferences(architecture: ChatModelConfig.Architecture) throws {
    var config = Fixtures.config(architecture)
    config.epochs = 0
    config.modelWidth = 8
    config.sparseBuckets = 64
    let model = try ChatModelTrainer(config: config).train(Fixtures.examples).model
    let network = model.network
    var generator = SeededGenerator(seed: 5)
    // Larger embeddings: with tiny hidden values a finite-difference step is a large relative
    // change before the final LayerNorm and curvature swamps the comparison.
    for parameter in network.parameters where parameter.name.hasSuffix("wte.weight") || parameter.name.hasSuffix("wpe.weight") {
        parameter.value = Tensor.randomNormal(parameter.value.shape, standardDeviation: architecture == .lstm ? 2 : 1,
                                              using: &generator)
    }
    let ids = [1, 4, 9, 6, 2, 4, 12, 6], cls = [3, 2]
    let features = [SparseVector(indices: [3, 17], values: [0.6, 0.8]), SparseVector(indices: [17, 40], values: [1, 0.5])]
    let v = network.vocabularySize, k = model.labels.intents.count
    // Small LM weights keep the summed loss small, so float32 rounding does not swamp the differences.
    let lmWeights = Tensor.randomNormal([8, v], standardDeviation: 0.1, using: &generator)
    let intentWeights = Tensor.randomNormal([2, k], using: &generator)
    let sparseWeights = Tensor.randomNormal([2, k], using: &generator)
    let sentimentWeights = Tensor.randomNormal([2, 3], using: &generator)
    let sparseSentimentWeights = Tensor.randomNormal([2, 3], using: &generator)
    for parameter in network.parameters where parameter.name.hasPrefix("sparse_") && parameter.name.hasSuffix(".weight") {
        parameter.value = Tensor.randomNormal(parameter.value.shape, using: &generator)
    }
    func loss() -> Double {
        guard let hidden = try? network.runTrunk(ids, batch: 2, length: 4) else { return .nan }
        let heads = network.headLogits(clsPositions: cls, features: features)
        var total = GradientCheck.weightedSum(network.languageModelLogits(hidden), lmWeights)
        total += GradientCheck.weightedSum(heads.dense, intentWeights)
        total += GradientCheck.weightedSum(heads.sentiment, sentimentWeights)
        if let sparse = heads.sparse { total += GradientCheck.weightedSum(sparse, sparseWeights) }
        if let sparse = heads.sparseSentiment { total += GradientCheck.weightedSum(sparse, sparseSentimentWeights) }
        return total
    }
    network.parameters.zeroGradients()
    _ = loss()
    network.backward(lmGradient: lmWeights, intentGradient: intentWeights, sparseGradient: sparseWeights,
                     sentimentGradient: sentimentWeights, sparseSentimentGradient: sparseSentimentWeights)
    for parameter in network.parameters where !parameter.name.hasSuffix(".idf") {
        let result = GradientCheck.check(parameter, epsilon: 5e-3, floor: 5e-2, loss: loss)
        // Float32 forward passes: differences of ~1e-3 absolute are rounding; a wrong backward is off by O(1).
        #expect(result.maxRelativeError < 5e-2, "\(architecture) \(parameter.name): \(result)")
    }
}

@Test(arguments: ChatModelConfig.Architecture.allCases)
func headLogitsFromIDsMatchTheFullTrunkRun(architecture: ChatModelConfig.Architecture) throws {
    var config = Fixtures.config(architecture)
    config.epochs = 0
    config.modelWidth = 8
    config.sparseBuckets = 64
    let network = try ChatModelTrainer(config: config).train(Fixtures.examples).model.network
    network.isTraining = false
    let ids = [1, 4, 9, 6, 2, 4, 12, 6], cls = [3, 1]
    let features = [SparseVector(indices: [3, 17], values: [0.6, 0.8]), SparseVector(indices: [17, 40], values: [1, 0.5])]
    _ = try network.runTrunk(ids, batch: 2, length: 4)
    let full = network.headLogits(clsPositions: cls, features: features)
    let fullStates = network.clsHidden.scalars
    let direct = try network.headLogits(ids: ids, batch: 2, length: 4, clsPositions: cls, features: features)
    func worst(_ a: [Float], _ b: [Float]) -> Float { zip(a, b).map { abs($0 - $1) }.max() ?? 1 }
    #expect(worst(direct.dense.scalars, full.dense.scalars) < 1e-5)
    #expect(worst(direct.sentiment.scalars, full.sentiment.scalars) < 1e-5)
    #expect(worst(network.clsHidden.scalars, fullStates) < 1e-5)
    #expect(direct.sparse?.scalars == full.sparse?.scalars)
}
