// `chatbot train --encoder`: the pipeline trains heads on a pretrained encoder beside the chat
// model, saves both in one folder, and the understanding reads messages with the encoder; a
// retrain without it removes the encoder files; a bad encoder folder is a clear error.
import Dialogue
import Foundation
import LanguageModeling
import ModelLifecycle
import TestSupport
import Testing

private func pipeline(encoder: URL?, output: URL) throws -> TrainingPipeline {
    let intents = try TestFixtures.folder(TinyDomain.intentFiles)
    var pipeline = TrainingPipeline(sources: TrainingSources(intents: intents.path), config: TinyDomain.config, output: output)
    pipeline.encoder = encoder
    return pipeline
}

private struct Silent: TrainingProgressReporting {
    func update(_ progress: TrainingProgress) {}
    func finish() {}
}

@Test func encoderHeadsAreSavedBesideTheModelAndReadMessages() throws {
    let output = try TestFixtures.folder([:])
    let outcome = try pipeline(encoder: ReferenceEncoder.tiny, output: output).run(progress: Silent())
    let classifier = try #require(outcome.encoderClassifier)
    #expect(classifier.labels.intents.sorted() == ["greeting", "refund", "shipping"])
    for name in ["encoder-heads.json", "encoder-heads.safetensors", "encoder/config.json", "encoder/model.safetensors",
                 "encoder/tokenizer.json"] {
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(name).path), "\(name)")
    }
    let understanding = try ChatModelUnderstanding(contentsOf: output)
    #expect(understanding.encoderClassifier != nil)
    // The tiny encoder is random: the n-gram features beside it carry the training phrases.
    #expect(try understanding.analyse("I want a refund", context: []).intent == "refund")
    #expect(try understanding.analyse("how much is shipping", context: []).intent == "shipping")
    let texts = ["hiya", "refund my payment please", "delivery fee?"]
    #expect(try understanding.analyse(batch: texts).map(\.confidence)
            == texts.map { try understanding.analyse($0, context: []).confidence }, "a batch is read by the encoder too")
    let reloaded = try #require(try EncoderClassifier.load(from: output))
    #expect(try reloaded.predict(["hiya"]).first?.intent == (try classifier.predict(["hiya"])).first?.intent)
    #expect(reloaded.calibration == classifier.calibration)
    #expect(classifier.vectorScale == 3 && reloaded.vectorScale == 3)

    // Heads saved before the vector scale existed have no `vector_scale`: they read 1, as trained.
    let manifestURL = output.appendingPathComponent(EncoderClassifier.manifestFileName)
    var manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: manifestURL)) as? [String: Any])
    #expect(manifest.removeValue(forKey: "vector_scale") as? Double == 3)
    try JSONSerialization.data(withJSONObject: manifest).write(to: manifestURL)
    #expect(try #require(try EncoderClassifier.load(from: output)).vectorScale == 1)

    // Trained again into the same folder without an encoder: the encoder files go.
    _ = try pipeline(encoder: nil, output: output).run(progress: Silent())
    #expect(!EncoderClassifier.exists(in: output))
    #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("encoder").path))
    #expect(try ChatModelUnderstanding(contentsOf: output).encoderClassifier == nil)
}

@Test func aFolderThatIsNotAnEncoderIsAClearError() throws {
    let notEncoder = try TestFixtures.folder(["config.json": "{}"])
    let output = try TestFixtures.folder([:])
    do {
        _ = try pipeline(encoder: notEncoder, output: output).run(progress: Silent())
        Issue.record("no error")
    } catch {
        #expect("\(error)".contains("cannot load the encoder"))
        #expect("\(error)".contains("model.safetensors is missing"))
    }
}

@Test(.enabled(if: ReferenceEncoder.isEnabled))
func miniLMHeadsUnderstandParaphrasesTheyNeverSaw() throws {
    let output = try TestFixtures.folder([:])
    let outcome = try pipeline(encoder: ReferenceEncoder.folder, output: output).run(progress: Silent())
    let classifier = try #require(outcome.encoderClassifier)
    let predictions = try classifier.predict(["could you return the money I paid", "what will delivering it cost me",
                                              "good evening"])
    #expect(predictions.map(\.intent) == ["refund", "shipping", "greeting"])
}
