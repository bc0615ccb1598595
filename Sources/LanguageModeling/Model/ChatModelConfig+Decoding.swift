// Decoding a ChatModelConfig where any key may be missing: absent fields keep their defaults, so
// a hand-written config with two keys works and older config.json files stay readable. A
// hand-written settings file is read strictly: an unknown key (a typo) is an error.
import Foundation
import Primitives

extension ChatModelConfig {
    /// Decodes the fields present in `decoder`, keeping the default for every absent one.
    public init(from decoder: any Decoder) throws {
        self.init()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func read<T: Decodable>(_ key: CodingKeys, _ value: inout T) throws {
            if let decoded = try c.decodeIfPresent(T.self, forKey: key) { value = decoded }
        }
        try read(.architecture, &architecture)
        try read(.modelWidth, &modelWidth)
        try read(.layerCount, &layerCount)
        try read(.headCount, &headCount)
        try read(.contextLength, &contextLength)
        try read(.dropout, &dropout)
        try read(.maxVocabularySize, &maxVocabularySize)
        try read(.languageModelWeight, &languageModelWeight)
        try read(.intentWeight, &intentWeight)
        try read(.sentimentWeight, &sentimentWeight)
        try read(.labelSmoothing, &labelSmoothing)
        try read(.learningRate, &learningRate)
        try read(.weightDecay, &weightDecay)
        try read(.warmupFraction, &warmupFraction)
        try read(.maxGradientNorm, &maxGradientNorm)
        try read(.epochs, &epochs)
        try read(.batchSize, &batchSize)
        try read(.seed, &seed)
        try read(.earlyStoppingPatience, &earlyStoppingPatience)
        try read(.validationFraction, &validationFraction)
        try read(.validationMinimumPerIntent, &validationMinimumPerIntent)
        try read(.crossFitFolds, &crossFitFolds)
        try read(.trainingThreads, &trainingThreads)
        try read(.sparseFeatures, &sparseFeatures)
        try read(.sparseJointLoss, &sparseJointLoss)
        try read(.fitSparseWeight, &fitSparseWeight)
        try read(.sparseBuckets, &sparseBuckets)
        try read(.sparseLearningRateScale, &sparseLearningRateScale)
        try read(.sparseSentiment, &sparseSentiment)
        try read(.sparseEpochs, &sparseEpochs)
        try read(.sparseFitLearningRate, &sparseFitLearningRate)
        try read(.languageModelPretrainingEpochs, &languageModelPretrainingEpochs)
        try read(.checkpointAveraging, &checkpointAveraging)
        try read(.replyAwareEpochChoice, &replyAwareEpochChoice)
        try read(.outOfScopeLabel, &outOfScopeLabel)
        try read(.inScopePassRate, &inScopePassRate)
    }
}

extension ChatModelConfig {
    /// The snake_case names of every setting, sorted.
    public static var settingNames: [String] { CodingKeys.allCases.map(\.rawValue).sorted() }

    /// Reads a hand-written settings file (a JSON object of some settings): like
    /// `init(from:)`, but a key that names no setting is an error instead of being ignored.
    public static func settings(fromJSON data: Data) throws(ChatModelError) -> ChatModelConfig {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ChatModelError(.invalidConfiguration, "not a JSON object of settings")
        }
        let unknown = Set(object.keys).subtracting(settingNames).sorted()
        guard unknown.isEmpty else {
            throw ChatModelError(.invalidConfiguration, "unknown setting \(unknown.joined(separator: ", ")) "
                                 + "(settings: \(settingNames.joined(separator: ", ")))")
        }
        do {
            return try JSONDecoder().decode(ChatModelConfig.self, from: data)
        } catch {
            throw ChatModelError(.invalidConfiguration, "a setting has the wrong type: \(DecodingError.summary(of: error))")
        }
    }
}
