// Decoding a ChatModelConfig where any key may be missing: absent fields keep their defaults, so
// a hand-written config with two keys works and older config.json files stay readable.

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
        try read(.trainingThreads, &trainingThreads)
        try read(.sparseFeatures, &sparseFeatures)
        try read(.sparseJointLoss, &sparseJointLoss)
        try read(.fitSparseWeight, &fitSparseWeight)
        try read(.sparseBuckets, &sparseBuckets)
        try read(.sparseLearningRateScale, &sparseLearningRateScale)
        try read(.sparseSentiment, &sparseSentiment)
        try read(.languageModelPretrainingEpochs, &languageModelPretrainingEpochs)
        try read(.checkpointAveraging, &checkpointAveraging)
        try read(.outOfScopeLabel, &outOfScopeLabel)
        try read(.inScopePassRate, &inScopePassRate)
    }
}
