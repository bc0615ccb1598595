// Every setting of a chat model and its training, with the defaults the demo domain was tuned
// on (measured: see docs/BENCHMARKS.md). Stored in a checkpoint's config.json.

/// Architecture and training settings; `Codable` with snake_case keys (missing keys keep defaults).
public struct ChatModelConfig: Codable, Sendable, Equatable {
    /// The trunk that turns tokens into hidden states.
    public enum Architecture: String, Codable, Sendable, CaseIterable {
        /// Causal pre-LN transformer with learned positions.
        case transformer
        /// Stacked LSTM followed by a LayerNorm.
        case lstm
    }

    /// Trunk kind (default transformer).
    public var architecture: Architecture = .transformer
    /// C, the hidden width (default 128: Banking77 trains in ~5 min on 2 cores; 256 would cost ~3x per step, untested for accuracy).
    public var modelWidth = 128
    /// Transformer blocks or LSTM layers (default 2).
    public var layerCount = 2
    /// Attention heads (transformer only; default 4, head size 32).
    public var headCount = 4
    /// Longest token sequence, context turns included (default 128).
    public var contextLength = 128
    /// Residual / between-layer dropout during training (default 0.1).
    public var dropout: Float = 0.1
    /// Largest BPE vocabulary; the trainer caps it by corpus size (see `TokenizerPreparation`). Default 4,000.
    public var maxVocabularySize = 4_000

    /// Weight of the next-token loss (default 0.5: it regularises the trunk and teaches replies).
    public var languageModelWeight: Float = 0.5
    /// Weight of the intent loss (default 1).
    public var intentWeight: Float = 1
    /// Weight of the sentiment loss (default 0.5).
    public var sentimentWeight: Float = 0.5
    /// Label smoothing on the intent and sentiment losses (default 0.1).
    public var labelSmoothing: Float = 0.1

    /// Peak AdamW learning rate (default 1e-3).
    public var learningRate: Float = 1e-3
    /// AdamW decoupled weight decay on matrices (default 0.01; biases and norms are not decayed).
    public var weightDecay: Float = 0.01
    /// Share of all steps spent in linear warm-up (default 0.05).
    public var warmupFraction: Float = 0.05
    /// Global gradient-norm limit (default 1).
    public var maxGradientNorm: Float = 1
    /// Training epochs over the training split (default 12: Banking77 validation peaks at 7–12;
    /// 20 epochs at lr 2e-3 scored lower).
    public var epochs = 12
    /// Sequences per step (default 32).
    public var batchSize = 32
    /// Seed for initialisation, split, shuffling and dropout (default 42).
    public var seed: UInt64 = 42
    /// Stop after this many epochs without better validation intent accuracy (default 5; 0 never stops early).
    public var earlyStoppingPatience = 5
    /// Share of each intent held out for validation (default 0.1).
    public var validationFraction = 0.1
    /// Intents with fewer examples than this hold none out (default 20): below it a tenth is one
    /// or two messages, noise for early stopping and calibration, and a real loss of training
    /// data. Without held-out data training runs its fixed schedule and sets no out-of-scope
    /// thresholds (issue 16; see `ChatModelTrainer`).
    public var validationMinimumPerIntent = 20
    /// Without a validation split, fit the sparse weight, temperature and out-of-scope thresholds
    /// on the out-of-fold logits of this many models, each trained on the other folds (default 2;
    /// below 2: no calibration, so nothing is flagged out of scope but an `oos` intent).
    public var crossFitFolds = 2
    /// OpenBLAS threads while training (default 2; restored afterwards). For one-message inference
    /// callers should set `BLAS.threadCount = 1` (faster on these small matrices; see BENCHMARKS).
    public var trainingThreads = 2

    /// Add the sparse n-gram intent logits (DIET-style) to the dense head's (default on).
    public var sparseFeatures = true
    /// Train the sparse layer on the loss of the summed logits (DIET-like) instead of as its own
    /// classifier (default false: jointly, the dense head memorises the training set and starves the sparse one).
    public var sparseJointLoss = false
    /// Add a sparse n-gram sentiment expert to the dense sentiment head (default on; needs
    /// `sparseFeatures`). Checkpoints saved before it existed load without it.
    public var sparseSentiment = true
    /// Fit the sparse expert's weight in the logit sum on validation (default true; needs validation data).
    public var fitSparseWeight = true
    /// Hash buckets for the sparse features (default 2^16 = 65,536).
    public var sparseBuckets = 65_536
    /// Epochs of the sparse intent expert's own fit before the trunk trains, when nothing is held
    /// out (default 60; 0, or a validation split: it learns inside the multi-task epochs instead,
    /// as before issue 16). Cheap: it reads only the n-gram features, and rare n-grams of small
    /// data sets need many passes to converge.
    public var sparseEpochs = 60
    /// Peak learning rate of the sparse intent expert's own fit (plain gradient descent on
    /// TF-IDF rows of unit norm per block; default 4: 73.2 % alone on a 10-per-intent Banking77
    /// sample after 60 epochs where 1 gave 69.5 %, the peer 73.4 %).
    public var sparseFitLearningRate: Float = 4
    /// Learning-rate multiplier for the sparse layers trained inside the multi-task epochs: the
    /// sentiment expert, and the intent expert when `sparse_epochs` is 0 (default 30: a linear
    /// model on TF-IDF values of ~0.1 needs weights of ~10, which lr 1e-3 does not reach in a few hundred steps).
    public var sparseLearningRateScale: Float = 30
    /// Epochs of next-token training on all text before the heads train (default 3: with
    /// averaging, +0.4 points on Banking77 validation, the dense expert +0.6).
    public var languageModelPretrainingEpochs = 3
    /// The intent name that means "out of scope" when the data has such a class (default `oos`).
    public var outOfScopeLabel = "oos"
    /// Share of in-scope validation messages that should pass the out-of-scope thresholds when
    /// validation has no out-of-scope rows (default 0.96).
    public var inScopePassRate: Float = 0.96
    /// Average the weights of the last N improving epochs instead of keeping the best one (default 3; 0 or 1: off).
    public var checkpointAveraging = 3
    /// With held-out replies, keep the epoch with the lowest validation reply loss among those
    /// within a point of the best validation accuracy (default true; false: accuracy alone, as
    /// before issue 15's fourth session; see `EpochScore`).
    public var replyAwareEpochChoice = true

    /// The defaults above.
    public init() {}

    /// Checks sizes that would crash or make no sense; throws `.invalidConfiguration` listing each.
    public func validate() throws(ChatModelError) {
        var problems: [String] = []
        if modelWidth <= 0 { problems.append("model_width must be positive") }
        if layerCount <= 0 { problems.append("layer_count must be positive") }
        if architecture == .transformer && (headCount <= 0 || modelWidth % max(1, headCount) != 0) {
            problems.append("model_width \(modelWidth) must split into head_count \(headCount) heads")
        }
        if contextLength < 8 { problems.append("context_length must be at least 8") }
        if !(0..<1).contains(dropout) { problems.append("dropout must be in [0, 1)") }
        if !(0...1).contains(labelSmoothing) { problems.append("label_smoothing must be in [0, 1]") }
        if epochs < 0 || languageModelPretrainingEpochs < 0 || sparseEpochs < 0 { problems.append("epochs must not be negative") }
        if batchSize <= 0 { problems.append("batch_size must be positive") }
        if !(0..<1).contains(validationFraction) { problems.append("validation_fraction must be in [0, 1)") }
        if validationMinimumPerIntent < 0 { problems.append("validation_minimum_per_intent must not be negative") }
        if sparseBuckets <= 0 { problems.append("sparse_buckets must be positive") }
        if maxVocabularySize < 300 { problems.append("max_vocabulary_size must be at least 300") }
        guard problems.isEmpty else {
            throw ChatModelError(.invalidConfiguration, problems.joined(separator: "; "))
        }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case architecture, modelWidth = "model_width", layerCount = "layer_count", headCount = "head_count"
        case contextLength = "context_length", dropout, maxVocabularySize = "max_vocabulary_size"
        case languageModelWeight = "lm_weight", intentWeight = "intent_weight", sentimentWeight = "sentiment_weight"
        case labelSmoothing = "label_smoothing", learningRate = "learning_rate", weightDecay = "weight_decay"
        case warmupFraction = "warmup_fraction", maxGradientNorm = "max_gradient_norm", epochs
        case batchSize = "batch_size", seed, earlyStoppingPatience = "early_stopping_patience"
        case validationFraction = "validation_fraction", trainingThreads = "training_threads"
        case validationMinimumPerIntent = "validation_minimum_per_intent", crossFitFolds = "cross_fit_folds"
        case sparseFeatures = "sparse_features", sparseJointLoss = "sparse_joint_loss", fitSparseWeight = "fit_sparse_weight", sparseBuckets = "sparse_buckets"
        case sparseLearningRateScale = "sparse_learning_rate_scale", sparseSentiment = "sparse_sentiment", sparseEpochs = "sparse_epochs"
        case sparseFitLearningRate = "sparse_fit_learning_rate"
        case languageModelPretrainingEpochs = "lm_pretraining_epochs", checkpointAveraging = "checkpoint_averaging"
        case replyAwareEpochChoice = "reply_aware_epoch_choice"
        case outOfScopeLabel = "out_of_scope_label", inScopePassRate = "in_scope_pass_rate"
    }
}
