// Hand-written settings files: the keys given are applied, the rest keep their defaults, and a
// key that names no setting (a typo) is refused with the list of settings.
import LanguageModeling
import Foundation
import Testing

@Test func settingsFilesApplyTheirKeysAndRefuseUnknownOnes() throws {
    let config = try ChatModelConfig.settings(fromJSON: Data(#"{"model_width": 64, "lm_pretraining_epochs": 1}"#.utf8))
    #expect(config.modelWidth == 64 && config.languageModelPretrainingEpochs == 1)
    #expect(config.layerCount == ChatModelConfig().layerCount, "absent keys keep their defaults")
    let typo = #expect(throws: ChatModelError.self) {
        try ChatModelConfig.settings(fromJSON: Data(#"{"model_widht": 64}"#.utf8))
    }
    #expect(typo?.message.hasPrefix("unknown setting model_widht (settings: architecture, batch_size,") == true,
            "\(String(describing: typo))")
    #expect(throws: ChatModelError.self) { try ChatModelConfig.settings(fromJSON: Data(#"{"model_width": "wide"}"#.utf8)) }
    #expect(throws: ChatModelError.self) { try ChatModelConfig.settings(fromJSON: Data("[1]".utf8)) }
    #expect(ChatModelConfig.settingNames.contains("sparse_sentiment"))
    let fewShot = try ChatModelConfig.settings(fromJSON: Data(
        #"{"sparse_epochs": 0, "sparse_fit_learning_rate": 2, "validation_minimum_per_intent": 5, "cross_fit_folds": 3}"#.utf8))
    #expect(fewShot.sparseEpochs == 0 && fewShot.sparseFitLearningRate == 2)
    #expect(fewShot.validationMinimumPerIntent == 5 && fewShot.crossFitFolds == 3)
}
