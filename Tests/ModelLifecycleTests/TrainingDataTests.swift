// Tests of TrainingData: examples from an intents folder (with replies), labelled CSV,
// transcripts (reply, context, sentiment) and sentiment CSV (the demo one too), and file:line errors.
import FileFormats
import Foundation
import LanguageModeling
import ModelLifecycle
import Primitives
import Testing
import TestSupport

@Test func intentsFolderGivesExamplesPairedWithReplies() throws {
    let folder = try TestFixtures.folder(TinyDomain.intentFiles)
    defer { try? FileManager.default.removeItem(at: folder) }
    let data = try TrainingData.load(TrainingSources(intents: folder.path))
    #expect(data.examples.count == 18)
    #expect(data.intentNames == ["greeting", "refund", "shipping"])
    let refunds = data.examples.filter { $0.intent == "refund" }
    #expect(refunds.map(\.reply) == ["I have started your refund.", "Your refund is on its way.",
                                     "I have started your refund.", "Your refund is on its way.",
                                     "I have started your refund.", "Your refund is on its way."])
    #expect(refunds.first?.text == "I want a refund")
    #expect(data.counts.map(\.examples) == [18])
    #expect(data.catalog?.intents.count == 3)
}

@Test func labelledCSVAndSentimentCSVAddExamplesWithoutReplies() throws {
    let folder = try TestFixtures.folder([
        "data.csv": "text,category\nwhere is my parcel,track\nparcel location?,track\n",
        "mood.csv": "text,sentiment\nthis is great,positive\nawful service,Negative\n",
    ])
    defer { try? FileManager.default.removeItem(at: folder) }
    let data = try TrainingData.load(TrainingSources(labelledData: folder.appendingPathComponent("data.csv").path,
                                                     sentimentData: folder.appendingPathComponent("mood.csv").path))
    #expect(data.examples == [
        TrainingExample(text: "where is my parcel", intent: "track"),
        TrainingExample(text: "parcel location?", intent: "track"),
        TrainingExample(text: "this is great", sentiment: .positive),
        TrainingExample(text: "awful service", sentiment: .negative),
    ])
}

@Test func transcriptsGiveRepliesWithContextAndSentiment() throws {
    let line = #"{"id": "t1", "channel": "chat", "started": "2026-03-02T10:00:00Z", "turns": ["#
        + #"{"role": "customer", "text": "hi", "intent": "greeting"}, {"role": "agent", "text": "Hello!"}, "#
        + #"{"role": "customer", "text": "refund now", "intent": "refund", "sentiment": "negative"}, "#
        + #"{"role": "agent", "text": "Refund started."}]}"#
    let folder = try TestFixtures.folder(["a.jsonl": line + "\n"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let data = try TrainingData.load(TrainingSources(transcripts: folder.path))
    #expect(data.examples.count == 2)
    let second = try #require(data.examples.last)
    #expect(second.text == "refund now")
    #expect(second.intent == "refund")
    #expect(second.sentiment == .negative)
    #expect(second.reply == "Refund started.")
    #expect(second.context == [ConversationTurn(speaker: .customer, text: "hi"), ConversationTurn(speaker: .agent, text: "Hello!")])
}

@Test func unlabelledPlainTextTranscriptsGiveRepliesButNoIntentExamples() throws {
    let folder = try TestFixtures.folder([
        "log.txt": "Client: hi there\nSupport: Hello! How can I help?\nClient: my refund\nSupport: Refund started.\nClient: thanks\n",
    ])
    defer { try? FileManager.default.removeItem(at: folder) }
    var sources = TrainingSources(transcripts: folder.appendingPathComponent("log.txt").path)
    sources.transcriptOptions = TranscriptReadOptions(customerLabels: ["Client"], agentLabels: ["Support"])
    let data = try TrainingData.load(sources)
    #expect(data.examples.map(\.text) == ["hi there", "my refund"])
    #expect(data.examples.map(\.reply) == ["Hello! How can I help?", "Refund started."])
    #expect(data.examples.allSatisfy { $0.intent == nil })
    #expect(data.intentNames.isEmpty)
    #expect(data.examples[1].context == [ConversationTurn(speaker: .customer, text: "hi there"),
                                         ConversationTurn(speaker: .agent, text: "Hello! How can I help?")])
    // The same log, with the default speaker names, names the first line it cannot read.
    let problems = TestFixtures.problems { _ = try TrainingData.load(TrainingSources(transcripts: folder.appendingPathComponent("log.txt").path)) }
    #expect(problems.first?.line == 1 && problems.first?.file?.hasSuffix("log.txt") == true)
}

@Test func badSentimentRowsAreReportedWithFileAndLine() throws {
    let folder = try TestFixtures.folder(["mood.csv": "text,sentiment\nfine,positive\nhmm,meh\n,neutral\n"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let problems = TestFixtures.problems {
        _ = try TrainingData.sentimentExamples(contentsOf: folder.appendingPathComponent("mood.csv"), displayPath: "mood.csv")
    }
    #expect(problems.map(\.description) == [
        "mood.csv:3: sentiment \"meh\" is not negative, neutral or positive",
        "mood.csv:4: empty text",
    ])
}

@Test func theDemoSentimentMessagesLoadWithEveryClass() throws {
    let path = TestFixtures.repositoryRoot.appendingPathComponent("sentiment/customer-messages.csv")
    let examples = try TrainingData.sentimentExamples(contentsOf: path)
    #expect(examples.count >= 500)
    #expect(Set(examples.map(\.text)).count == examples.count, "no duplicates")
    for sentiment in SentimentLabel.allCases {
        #expect(examples.filter { $0.sentiment == sentiment }.count >= 100, "\(sentiment)")
    }
}

@Test func labelledRepliesBecomeReplyTargetsWithTheMessageValuesAsSlots() throws {
    let folder = try TestFixtures.folder([
        "data.csv": "text,intent,reply\n\"where is order 48213377, mail jo@example.com\",order_status,"
            + "\"Order 48213377 ships tomorrow; we wrote to jo@example.com. Call {{Support Phone}}.\"\nhi,greeting,\n",
    ])
    defer { try? FileManager.default.removeItem(at: folder) }
    let data = try TrainingData.load(TrainingSources(labelledData: folder.appendingPathComponent("data.csv").path))
    #expect(data.examples.map(\.reply) == ["Order {order_id} ships tomorrow; we wrote to {email}. Call {support_phone}.", nil])
}
