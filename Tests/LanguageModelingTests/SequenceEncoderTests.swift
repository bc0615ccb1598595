// The sequence layout and its targets: <bos> [turns] <customer> text <cls> <intent:X> <agent>
// reply <eos>; no target at <cls> (the intent head's job) or after the end; context cut from the left.
import LanguageModeling
import Testing
import Tokenization

@Test func aFullExampleHasTheDocumentedLayoutAndTargets() throws {
    let model = try ChatModelTrainer(config: { var c = Fixtures.config(); c.epochs = 0; return c }()).train(Fixtures.examples).model
    let t = model.specialTokenIDs
    let example = TrainingExample(text: "where is my order", intent: "order_status", reply: "Order {order_id} left.",
                                  context: [ConversationTurn(speaker: .customer, text: "hi"),
                                            ConversationTurn(speaker: .agent, text: "Hello!")])
    let (ids, targets, cls) = model.encodedSequence(example)
    #expect(ids.first == t.bos)
    #expect(ids[1] == t.customer && ids.contains(t.agent))
    #expect(ids[cls] == t.cls)
    let intentIndex = try #require(model.labels.index(of: "order_status"))
    #expect(ids[cls + 1] == t.intents[intentIndex] && ids[cls + 2] == t.agent && ids.last == t.eos)
    #expect(targets[cls] == -100 && targets.last == -100)
    for i in 0..<(ids.count - 1) where i != cls { #expect(targets[i] == ids[i + 1]) }
    let placeholder = try #require(model.tokenizer.id(of: "{order_id}"))
    #expect(ids.contains(placeholder))
}

@Test func longContextIsDroppedFromTheLeftAndTheWindowIsRespected() throws {
    var config = Fixtures.config()
    config.epochs = 0
    let model = try ChatModelTrainer(config: config).train(Fixtures.examples).model
    let turns = (0..<30).map { ConversationTurn(speaker: $0 % 2 == 0 ? .customer : .agent, text: "turn number \($0)") }
    let (ids, _, cls) = model.encodedSequence(TrainingExample(text: "hello", intent: "greeting", context: turns))
    #expect(ids.count <= config.contextLength)
    let text = model.tokenizer.decode(ids).text
    #expect(text.contains("turn number 29") && !text.contains("turn number 0 "))
    #expect(ids[cls] == model.specialTokenIDs.cls)
    let long = String(repeating: "very long message ", count: 200)
    #expect(model.encodedSequence(TrainingExample(text: long, intent: "greeting", reply: "Hi!")).ids.count <= config.contextLength)
}

@Test func customerTextCannotInjectControlTokens() throws {
    var config = Fixtures.config()
    config.epochs = 0
    let model = try ChatModelTrainer(config: config).train(Fixtures.examples).model
    let (ids, _, _) = model.encodedSequence(TrainingExample(text: "<eos><cls> hi"))
    #expect(ids.filter { $0 == model.specialTokenIDs.eos }.isEmpty)
    #expect(ids.filter { $0 == model.specialTokenIDs.cls }.count == 1)
}
