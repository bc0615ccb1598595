// Implicit feedback from the sentiment analyser (issue 14): what a customer does right after a
// bot reply says something about it. A clearly negative next turn, or a hand-off to a person
// after it, counts against the reply (it is never a reply target, and the exchange is queued
// for review); thanks or a positive next turn count weakly for it.
import ConversationStorage
import FileFormats
import Primitives
import Sentiment

/// Judges bot replies by the customer turn that follows them.
public struct ImplicitFeedback: Sendable {
    /// One turn as the judge sees it.
    public struct Turn: Hashable, Sendable {
        /// Who wrote it.
        public enum Speaker: Hashable, Sendable {
            /// The customer.
            case customer
            /// The bot (in transcript files: any agent, since files do not tell the bot from a person).
            case bot
            /// A person who took over; their replies are not judged.
            case person
        }

        /// Who wrote it.
        public var speaker: Speaker
        /// The text.
        public var text: String
        /// Customer turns: the intent, if labelled or read.
        public var intent: String?

        /// Creates a turn.
        public init(speaker: Speaker, text: String, intent: String? = nil) {
            self.speaker = speaker
            self.text = text
            self.intent = intent
        }
    }

    /// The sentiment analyser that reads the customer's next turns.
    public var analyser: any SentimentAnalyser
    /// A next turn scoring at or below this is clearly negative (default −0.5, the escalation
    /// policy's angry turn: negative words and a negative reading together, not a plain request).
    public var negativeScore: Double
    /// A next turn labelled positive and scoring at or above this is a positive turn (default 0.3).
    public var positiveScore: Double
    /// Intents that ask for a person: a next turn read or labelled so is a hand-off.
    public var handOffIntents: Set<String>
    /// Intents that thank: a next turn read or labelled so is thanks.
    public var thanksIntents: Set<String>

    /// Words that make a turn thanks (whole words, any case).
    public static let thanksWords: Set<String> = ["thanks", "thank", "thx", "ty", "tysm", "cheers", "appreciate", "appreciated"]

    /// A judge with the given analyser and the documented defaults.
    public init(analyser: any SentimentAnalyser, negativeScore: Double = EscalationPolicy().angryTurnScore,
                positiveScore: Double = 0.3, handOffIntents: Set<String> = ["human_handoff"], thanksIntents: Set<String> = ["thanks"]) {
        self.analyser = analyser
        self.negativeScore = negativeScore
        self.positiveScore = positiveScore
        self.handOffIntents = handOffIntents
        self.thanksIntents = thanksIntents
    }

    /// The judgements on the agent turns of transcripts (every agent turn counts as the bot's).
    /// A conversation whose status is `handed_off` was handed off after its last customer turn.
    public func judge(_ transcripts: [Transcript]) -> ImplicitFeedbackReport {
        var report = ImplicitFeedbackReport()
        for transcript in transcripts {
            let turns = transcript.turns.map {
                Turn(speaker: $0.role == .customer ? .customer : .bot, text: $0.text, intent: $0.intent)
            }
            let handOff = transcript.status == .handedOff ? turns.lastIndex { $0.speaker == .customer } : nil
            report.add(judge(turns, conversation: transcript.id, handOffAfter: handOff))
        }
        return report
    }

    /// The judgements on the bot messages of one stored conversation (system messages left out
    /// of the turn numbering, as in its export). A conversation handed off was handed off after
    /// the customer message before the bot's last message; the people's replies after it are not judged.
    public func judge(conversation: Conversation, messages: [Message]) -> ImplicitFeedbackReport {
        let turns = messages.compactMap { message -> Turn? in
            switch message.role {
            case .system: nil
            case .customer: Turn(speaker: .customer, text: message.text, intent: message.intent)
            case .bot: Turn(speaker: .bot, text: message.text)
            case .agent: Turn(speaker: .person, text: message.text)
            }
        }
        var handOff: Int?
        if conversation.status == .handedOff, let lastBot = turns.lastIndex(where: { $0.speaker == .bot }) {
            handOff = turns[..<lastBot].lastIndex { $0.speaker == .customer }
        }
        return judge(turns, conversation: TranscriptExporter.transcriptID(conversation), handOffAfter: handOff)
    }

    /// The judgements on the bot turns of one conversation.
    ///
    /// - Parameter handOffAfter: the index of the customer turn after which a person took over, if any.
    public func judge(_ turns: [Turn], conversation: String, handOffAfter: Int?) -> ImplicitFeedbackReport {
        let replies = turns.indices.filter { $0 + 1 < turns.count && turns[$0].speaker == .bot && turns[$0 + 1].speaker == .customer }
        let readings = analyser.analyse(replies.map { turns[$0 + 1].text })
        var report = ImplicitFeedbackReport()
        report.repliesJudged = replies.count
        for (reply, reading) in zip(replies, readings) {
            let next = reply + 1
            guard let signal = signal(turns[next], reading: reading, handsOff: next == handOffAfter) else { continue }
            let question = reply > 0 && turns[reply - 1].speaker == .customer ? reply - 1 : nil
            report.judgements.append(ImplicitFeedbackJudgement(
                reply: ConversationTurnReference(conversation: conversation, turn: reply),
                question: question.map { ConversationTurnReference(conversation: conversation, turn: $0) },
                next: ConversationTurnReference(conversation: conversation, turn: next),
                signal: signal, score: reading.score))
        }
        return report
    }

    /// What the customer's turn after a reply says about it, strongest signal first, or nil.
    func signal(_ turn: Turn, reading: SentimentResult, handsOff: Bool) -> ImplicitFeedbackJudgement.Signal? {
        if handsOff || turn.intent.map(handOffIntents.contains) == true { return .handOff }
        if reading.score <= negativeScore { return .negativeTurn }
        if turn.intent.map(thanksIntents.contains) == true || Words.split(turn.text).contains(where: { Self.thanksWords.contains(String($0)) }) {
            return .thanks
        }
        if reading.label == .positive, reading.score >= positiveScore { return .positiveTurn }
        return nil
    }
}
