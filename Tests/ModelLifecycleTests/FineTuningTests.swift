// Tests of FineTuning: a phrasing the base gets wrong learned from transcripts, a new intent
// learned without training from scratch, a poisoned (label-shuffled) batch rejected by the gate
// with the base still active, the gate's note on old messages read as new intents, rollback to
// the base, what the data step counts, and implicit feedback (replies answered negatively never
// learned, queued for review without their text).
import ConversationStorage
import FileFormats
import Foundation
import LanguageModeling
import ModelLifecycle
import Primitives
import Sentiment
import Testing
import TestSupport

/// A tiny base model registered (active) in a fresh registry with a SQLite store.
private struct Fixture {
    let root: URL
    let registry: ModelRegistry
    let baseName: String

    init(config: ChatModelConfig = TinyDomain.config) throws {
        root = try TestFixtures.folder([:])
        let intents = try TestFixtures.folder(TinyDomain.intentFiles)
        defer { try? FileManager.default.removeItem(at: intents) }
        registry = ModelRegistry(root: root.appendingPathComponent("models"),
                                 store: try SQLiteConversationStore(path: root.appendingPathComponent("store.sqlite").path))
        let pipeline = TrainingPipeline(sources: TrainingSources(intents: intents.path),
                                        config: config, output: nil, registry: registry)
        baseName = try pipeline.run(progress: SilentProgress()).directory.lastPathComponent
    }

    var baseDirectory: URL { registry.root.appendingPathComponent(baseName) }

    /// Writes one transcript per (customer text, intent, agent reply) into a file and returns its path.
    func transcripts(_ turns: [(text: String, intent: String, reply: String)], name: String = "new.jsonl") throws -> String {
        let lines = turns.enumerated().map { index, turn in
            #"{"id": "t\#(index)", "channel": "chat", "started": "2026-03-02T08:11:00Z", "turns": [{"role": "customer", "text": \#(quoted(turn.text)), "intent": \#(quoted(turn.intent))}, {"role": "agent", "text": \#(quoted(turn.reply))}]}"#
        }
        let url = root.appendingPathComponent(name)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
        return url.path
    }

    func fineTune(_ paths: [String], settings: FineTuneSettings = testSettings()) throws -> FineTuning.Outcome {
        try FineTuning(base: baseDirectory, baseName: baseName, sources: FineTuneSources(transcripts: paths),
                       settings: settings, output: nil, registry: registry).run(progress: SilentProgress())
    }

    private func quoted(_ text: String) -> String { "\"" + text + "\"" }
}

private func testSettings() -> FineTuneSettings {
    var settings = FineTuneSettings()
    settings.epochs = 12
    return settings
}

private struct SilentProgress: TrainingProgressReporting {
    func update(_ progress: TrainingProgress) {}
    func finish() {}
}

private func predictions(_ directory: URL, _ texts: [String]) throws -> [String] {
    try ChatModel.load(from: directory).predict(texts, topK: 1).map(\.intent)
}

private let tinyExamples: [(String, String)] = [
    ("hello", "greeting"), ("hi there", "greeting"), ("hey", "greeting"), ("good morning", "greeting"),
    ("I want a refund", "refund"), ("give me my money back", "refund"), ("refund my payment please", "refund"),
    ("how much is shipping", "shipping"), ("what does delivery cost", "shipping"), ("is delivery free", "shipping"),
]

@Test func aPhrasingTheBaseGetsWrongIsLearnedFromTranscripts() throws {
    let fixture = try Fixture(config: TinyDomain.configWithoutFewShotRecipe)
    defer { try? FileManager.default.removeItem(at: fixture.root) }
    let heldOut = ["reverse the charge", "undo the charge", "reverse the transaction"]
    let before = try predictions(fixture.baseDirectory, heldOut)
    #expect(before.filter { $0 != "refund" }.count >= 2, "the base reads most charge reversals as something else: \(before)")
    let taught = ["undo the transaction", "cancel the charge", "reverse the fee", "the charge was wrong, reverse it",
                  "the transaction must be reversed", "reverse that charge", "undo the debit", "reverse the card charge",
                  "take the charge back", "undo the payment"]
    let path = try fixture.transcripts(taught.map { ($0, "refund", "I have started your refund.") })
    let outcome = try fixture.fineTune([path])

    #expect(outcome.promoted && outcome.verdict.passed, "\(outcome.verdict.reasons)")
    #expect(outcome.newIntents.isEmpty)
    #expect(fixture.registry.activeName() == outcome.registeredName)
    let after = try predictions(outcome.directory, heldOut)
    #expect(after == ["refund", "refund", "refund"], "held-out paraphrases now right: \(after)")
    let baseOld = try predictions(fixture.baseDirectory, tinyExamples.map(\.0))
    let candidateOld = try predictions(outcome.directory, tinyExamples.map(\.0))
    let baseRight = zip(baseOld, tinyExamples).filter { $0 == $1.1 }.count
    let candidateRight = zip(candidateOld, tinyExamples).filter { $0 == $1.1 }.count
    #expect(candidateRight >= baseRight, "the rest is not worse: \(candidateOld)")
    let record = try #require(try TrainingRecord.load(from: outcome.directory))
    #expect(record.parent == fixture.baseName && record.sources.contains("transcripts:\(path)"))
}

@Test func aNewIntentIsLearnedWithoutTrainingFromScratch() throws {
    let fixture = try Fixture()
    defer { try? FileManager.default.removeItem(at: fixture.root) }
    let taught = ["when do you open", "what are your opening hours", "are you open on sunday", "opening hours please",
                  "what time do you close", "when are you open", "are you open today", "what time do you open tomorrow",
                  "hours of the shop", "until when are you open"]
    let path = try fixture.transcripts(taught.map { ($0, "opening_hours", "We are open 9 to 5, Monday to Saturday.") })
    let outcome = try fixture.fineTune([path])

    #expect(outcome.newIntents == ["opening_hours"])
    #expect(outcome.verdict.intents.map(\.intent) == ["opening_hours"] && outcome.verdict.intents[0].isNew)
    #expect(outcome.promoted, "\(outcome.verdict.reasons)")
    let candidate = try ChatModel.load(from: outcome.directory)
    #expect(candidate.labels.intents == ["greeting", "opening_hours", "refund", "shipping"])
    #expect(candidate.config.epochs == TinyDomain.config.epochs, "the architecture and settings are the base's")
    let unseen = try candidate.predict(["what are the opening hours on saturday", "when do you open on monday"], topK: 1).map(\.intent)
    #expect(unseen == ["opening_hours", "opening_hours"], "\(unseen)")
    let old = try candidate.predict(tinyExamples.map(\.0), topK: 1).map(\.intent)
    #expect(zip(old, tinyExamples).filter { $0 == $1.1 }.count >= tinyExamples.count - 1, "old intents kept: \(old)")
}

@Test func aPoisonedBatchIsRejectedAndTheBaseStaysActive() throws {
    let fixture = try Fixture()
    defer { try? FileManager.default.removeItem(at: fixture.root) }
    // Every intent's own examples, labelled as the next intent.
    let shuffled = ["greeting": "refund", "refund": "shipping", "shipping": "greeting"]
    let poisoned = (tinyExamples + tinyExamples.map { ($0.0 + " please", $0.1) }).map { text, intent in
        (text, shuffled[intent] ?? intent, "Okay.")
    }
    let path = try fixture.transcripts(poisoned)
    let outcome = try fixture.fineTune([path])

    #expect(!outcome.verdict.passed && !outcome.promoted)
    #expect(outcome.verdict.oldTakenByNew == 0, "no new intent: every old-data error is the batch's own")
    #expect(outcome.verdict.reasons.contains { $0.hasPrefix("old data: accuracy fell") || $0.hasPrefix("new data: not better") },
            "\(outcome.verdict.reasons)")
    #expect(fixture.registry.activeName() == fixture.baseName, "the base is still active")
    let rejected = try fixture.registry.version(named: try #require(outcome.registeredName))
    #expect(rejected.status == .rejected && rejected.parent == fixture.baseName)

    var forced = testSettings()
    forced.force = true
    let override = try fixture.fineTune([path], settings: forced)
    #expect(override.promoted && !override.verdict.passed, "--force promotes a failing candidate")
    #expect(fixture.registry.activeName() == override.registeredName)
}

@Test func theGateSaysHowMuchOfAnOldDataDropIsOldMessagesReadAsNewIntents() {
    var verdict = RegressionGate.Verdict()
    verdict.oldBase = RegressionGate.Score(correct: 94, total: 100)
    verdict.oldCandidate = RegressionGate.Score(correct: 90, total: 100)
    verdict.newBase = RegressionGate.Score(correct: 0, total: 20)
    verdict.newCandidate = RegressionGate.Score(correct: 18, total: 20)
    verdict.oldTakenByNew = 3
    RegressionGate.decide(&verdict)
    let fell = "old data: accuracy fell 4.0 points (94.0 % → 90.0 %), more than the 0.5-point tolerance"
    #expect(!verdict.passed)
    #expect(verdict.reasons.first == fell + "; 3.0 points are old examples the base read right, now read as a new intent (new intents that "
            + "resemble old ones take some of their messages, as a full retrain does too: review them, then --force or a larger --tolerance)")
    verdict.oldTakenByNew = 0
    RegressionGate.decide(&verdict)
    #expect(verdict.reasons.first == fell, "no note when no old message went to a new intent")
    verdict.oldCandidate.correct = 94
    verdict.oldTakenByNew = 2
    RegressionGate.decide(&verdict)
    #expect(verdict.passed && verdict.reasons.first == "old data: 94.0 % → 94.0 %, within the 0.5-point tolerance")
}

@Test func rollbackRestoresTheBaseAfterAPromotion() throws {
    let fixture = try Fixture()
    defer { try? FileManager.default.removeItem(at: fixture.root) }
    let taught = ["when do you open", "what are your opening hours", "are you open on sunday", "opening hours please",
                  "what time do you close", "when are you open"]
    let path = try fixture.transcripts(taught.map { ($0, "opening_hours", "We are open 9 to 5.") })
    var settings = testSettings()
    settings.force = true
    let outcome = try fixture.fineTune([path], settings: settings)
    #expect(fixture.registry.activeName() == outcome.registeredName)

    let (from, to) = try fixture.registry.rollback()
    #expect(from == outcome.registeredName && to == fixture.baseName)
    let active = try #require(fixture.registry.activeModelDirectory())
    #expect(try ChatModel.load(from: active).labels.intents == ["greeting", "refund", "shipping"])
    #expect(try fixture.registry.store?.modelVersion(id: fixture.baseName)?.status == .active)
}

@Test func exchangesKeepLabelsAndGoodRepliesAndNeverTrainOnBadOnes() throws {
    let transcripts = try TranscriptReader.parse("""
        {"id": "a", "channel": "chat", "started": "2026-03-02T08:11:00Z", "turns": [{"role": "customer", "text": "refund now", "intent": "refund"}, {"role": "agent", "text": "Done.", "feedback": [{"kind": "rating", "value": "bad"}]}, {"role": "customer", "text": "thanks", "intent": "greeting", "intent_source": "predicted", "confidence": 0.4}, {"role": "agent", "text": "Bye!", "feedback": [{"kind": "corrected_intent", "value": "goodbye"}, {"kind": "better_reply", "value": "Goodbye!"}]}]}

        """, file: "t.jsonl")
    let exchanges = Exchange.exchanges(of: transcripts)
    #expect(exchanges.count == 2)
    #expect(exchanges[0].label == "refund" && exchanges[0].replyTarget == nil && exchanges[0].replyRatedBad)
    #expect(exchanges[1].label == "goodbye" && exchanges[1].predicted == "greeting" && exchanges[1].replyTarget == "Goodbye!")
    #expect(exchanges[1].context.map(\.text) == ["refund now", "Done."])
}

/// Scores set per text (0 and neutral for others), so the judgements do not depend on the lexicon.
private struct FixedSentiment: SentimentAnalyser {
    var scores: [String: Double]
    func analyse(_ text: String) -> SentimentResult {
        let score = scores[text] ?? 0
        return SentimentResult(label: score >= 0.1 ? .positive : score <= -0.1 ? .negative : .neutral, score: score)
    }
}

/// A transcript whose customer turns carry the bot's readings (`intent_source: predicted`).
private func predictedTranscript(_ id: String, _ turns: [(TranscriptTurn.Role, String, String?)],
                                 status: ConversationStatus? = nil) -> Transcript {
    Transcript(id: id, channel: .chat, started: Date(timeIntervalSince1970: 1_772_442_840), turns: turns.map { role, text, intent in
        var turn = TranscriptTurn(role: role, text: text, intent: intent)
        if intent != nil { turn.intentSource = .predicted }
        return turn
    }, location: SourceLocation(file: "t.jsonl", line: 1), status: status)
}

@Test func implicitFeedbackKeepsJudgedRepliesOutOfTrainingAndQueuesThemForReview() throws {
    let transcripts = [
        predictedTranscript("a", [(.customer, "where is my parcel", "shipping"), (.agent, "It shipped.", nil),
                                  (.customer, "this is useless", nil), (.agent, "Sorry.", nil)]),
        predictedTranscript("b", [(.customer, "how much is shipping", "shipping"), (.agent, "Shipping is free.", nil),
                                  (.customer, "great, thanks", nil)]),
        predictedTranscript("c", [(.customer, "refund my order", "refund"), (.agent, "Which order?", nil),
                                  (.customer, "let me talk to someone", nil)], status: .handedOff),
    ]
    let judge = ImplicitFeedback(analyser: FixedSentiment(scores: ["this is useless": -0.9, "great, thanks": 0.8]))
    let exchanges = Exchange.exchanges(of: transcripts, judge: judge)
    #expect(exchanges.map(\.text) == ["where is my parcel", "this is useless", "how much is shipping", "great, thanks",
                                      "refund my order", "let me talk to someone"])
    #expect(exchanges.map { $0.implicitFeedback?.signal } == [.negativeTurn, nil, .thanks, nil, .handOff, nil])
    #expect(exchanges.map(\.replyTarget) == [nil, "Sorry.", "Shipping is free.", nil, nil, nil],
            "a reply answered negatively or by a hand-off is never a target")
    #expect(Exchange.exchanges(of: transcripts).map(\.replyTarget) == ["It shipped.", "Sorry.", "Shipping is free.", nil, "Which order?", nil],
            "without a judge every agent reply is a target")

    let fixture = try Fixture()
    defer { try? FileManager.default.removeItem(at: fixture.root) }
    var settings = testSettings()
    settings.pseudoLabelThreshold = 0
    let data = try FineTuneData.make(exchanges, base: try ChatModel.load(from: fixture.baseDirectory), settings: settings,
                                     heldOutFraction: 0.2)
    #expect(data.review.map(\.reply.description) == ["a#1", "c#1"])
    #expect(data.review.map(\.question?.description) == ["a#0", "c#0"])
    #expect(data.weakPositives == 1)
    #expect(data.confirmed.map(\.text) == ["how much is shipping"] && data.confirmed.map(\.intent) == ["shipping"],
            "the bot's reading of a turn the customer thanked is kept for the gate")
    let trained = Dictionary(data.training.map { ($0.text, $0) }, uniquingKeysWith: { first, _ in first })
    #expect(trained["where is my parcel"] == nil && trained["refund my order"] == nil,
            "turns judged negative are neither pseudo-labelled nor reply targets")
    #expect(trained["how much is shipping"]?.intent == nil && trained["how much is shipping"]?.reply == "Shipping is free.",
            "a confirmed turn trains its reply, not its intent")
}

@Test func fineTuningWritesTheReviewQueueWithoutCustomerText() throws {
    let fixture = try Fixture()
    defer { try? FileManager.default.removeItem(at: fixture.root) }
    let taught = ["when do you open", "what are your opening hours", "are you open on sunday", "opening hours please",
                  "what time do you close", "when are you open"]
    var lines = taught.enumerated().map { index, text in
        #"{"id": "t\#(index)", "channel": "chat", "started": "2026-03-02T08:11:00Z", "turns": [{"role": "customer", "text": "\#(text)", "intent": "opening_hours"}, {"role": "agent", "text": "We are open 9 to 5."}]}"#
    }
    lines.append(#"{"id": "angry", "channel": "chat", "started": "2026-03-02T09:00:00Z", "status": "handed_off", "turns": [{"role": "customer", "text": "my card 4111 1111 1111 1111 was charged twice"}, {"role": "agent", "text": "Please wait."}, {"role": "customer", "text": "get me a person"}]}"#)
    let path = fixture.root.appendingPathComponent("mixed.jsonl")
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: path)
    var settings = testSettings()
    settings.force = true
    let outcome = try fixture.fineTune([path.path], settings: settings)

    #expect(outcome.data.review.map(\.reply.description) == ["angry#1"] && outcome.data.review.first?.signal == .handOff)
    let file = try #require(outcome.reviewFile)
    #expect(file.deletingLastPathComponent().standardizedFileURL == outcome.directory.standardizedFileURL)
    let written = try String(contentsOf: file, encoding: .utf8)
    #expect(written == #"{"conversation": "angry", "question_turn": 0, "reply_turn": 1, "next_turn": 2, "signal": "hand_off", "score": \#(String(format: "%.3f", outcome.data.review[0].score))}"# + "\n")
    #expect(!written.contains("4111") && !written.contains("charged"), "the queue names turns, never their text")
}
