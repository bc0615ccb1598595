// The reply loss of a message too long for the context window: an error the caller can skip
// (training leaves such validation replies out), not a trap. Found by scripts/abuse: training on a
// 100,000-turn transcript crashed in the first epoch's reply-aware validation.
import LanguageModeling
import Testing

@Test func aReplyCutOffByTheContextWindowIsAnErrorNotACrash() throws {
    let model = try Fixtures.trainedModel()
    let long = String(repeating: "where is my order ", count: 200)
    do throws(ChatModelError) {
        _ = try model.replyLoss("It is on its way.", to: long)
        Issue.record("a reply after \(long.count) characters had a loss in a \(model.config.contextLength)-token window")
    } catch {
        #expect(error.message == "the reply does not fit in the context window")
    }
    #expect(try model.replyLoss("It is on its way.", to: "where is my order").isFinite, "a reply that fits has a loss")
}
