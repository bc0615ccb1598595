// Generation after training on the tiny set: a forced intent reproduces one of its trained
// replies with placeholders intact, cached decoding equals full recomputation, sampling is seeded,
// and repetition control stops loops without changing what a trained model says.
import LanguageModeling
import Testing

@Test func generationWithAForcedIntentReproducesATrainedReply() throws {
    let model = try Fixtures.trainedModel()
    for (name, texts, replies) in Fixtures.intents {
        var options = GenerationOptions()
        options.intent = name
        let reply = try model.generate(texts[0], options: options)
        #expect(replies.contains(reply.text), "\(name): \(reply.text)")
        #expect(reply.finished)
        #expect(reply.intent == name)
    }
}

@Test func generationWithoutAForcedIntentUsesThePredictedOne() throws {
    let model = try Fixtures.trainedModel()
    let reply = try model.generate("cancel my order")
    #expect(reply.intent == "cancel_order")
    #expect(reply.text.contains("{order_id}"))
}

@Test func cachedDecodingEqualsRecomputingThePrefix() throws {
    let model = try Fixtures.trainedModel()
    for temperature: Float in [0, 1.5] {
        var options = GenerationOptions()
        options.temperature = temperature
        options.seed = 3
        options.maxNewTokens = 20
        let cached = try model.generate("hello there", options: options)
        options.usesCache = false
        let recomputed = try model.generate("hello there", options: options)
        #expect(cached == recomputed)
    }
}

@Test func samplingIsReproducibleForASeedAndRespectsTheLengthLimit() throws {
    let model = try Fixtures.trainedModel()
    var options = GenerationOptions()
    options.temperature = 2
    options.topK = 50
    options.topP = 0.95
    options.maxNewTokens = 5
    options.seed = 11
    let first = try model.generate("where is my order", options: options)
    let second = try model.generate("where is my order", options: options)
    #expect(first == second)
    #expect(first.tokenIDs.count <= 5)
}

@Test func generationForAnUnknownIntentIsRefused() throws {
    let model = try Fixtures.trainedModel()
    var options = GenerationOptions()
    options.intent = "no_such_intent"
    #expect(throws: ChatModelError.self) { try model.generate("hello", options: options) }
}

@Test func theLSTMTrunkGeneratesTheSameWithAndWithoutItsState() throws {
    var config = Fixtures.config(.lstm)
    config.epochs = 20
    let model = try ChatModelTrainer(config: config).train(Fixtures.examples).model
    var options = GenerationOptions()
    options.intent = "greeting"
    options.maxNewTokens = 12
    let cached = try model.generate("hello", options: options)
    options.usesCache = false
    #expect(try model.generate("hello", options: options) == cached)
}

@Test func noRepeatNGramsKeepAnUnderTrainedModelFromSayingATokenPairTwice() throws {
    var config = Fixtures.config()
    config.epochs = 2
    let model = try ChatModelTrainer(config: config).train(Fixtures.examples).model
    var options = GenerationOptions()
    options.intent = "greeting"
    options.maxNewTokens = 40
    let pairs = { (ids: [Int]) in zip(ids, ids.dropFirst()).map { [$0, $1] } }
    let plain = pairs(try model.generate("hello", options: options).tokenIDs)
    #expect(Set(plain).count < plain.count, "the under-trained model loops without the rule")
    options.noRepeatNGramSize = 2
    let controlled = pairs(try model.generate("hello", options: options).tokenIDs)
    #expect(!controlled.isEmpty && Set(controlled).count == controlled.count)
}

@Test func repetitionControlLeavesATrainedReplyAndTheCacheAlone() throws {
    let model = try Fixtures.trainedModel()
    for (name, texts, replies) in Fixtures.intents {
        var options = GenerationOptions()
        options.intent = name
        options.noRepeatNGramSize = 4
        options.repetitionPenalty = 1.2
        let reply = try model.generate(texts[0], options: options)
        #expect(replies.contains(reply.text), "\(name): \(reply.text)")
        options.usesCache = false
        #expect(try model.generate(texts[0], options: options) == reply)
    }
}
