// The neural understanding: a trained `ChatModel` reads intent (calibrated, top 3, out of scope)
// and sentiment (only if it was trained on sentiment labels) and writes greedy replies, as long
// as three quarters of the model's window, for the intent the engine chose, sent only when the
// model's reply gate admits them. When the folder also has a pretrained encoder's
// heads (`chatbot train --encoder`), the encoder reads intent, out of scope and sentiment instead.
import FileFormats
import Foundation
import LanguageModeling
import Primitives
import TensorCore

/// A `LanguageUnderstanding` backed by a loaded chat model.
public final class ChatModelUnderstanding: LanguageUnderstanding {
    /// The model (not thread-safe; the engine calls one turn at a time).
    public let model: ChatModel
    /// The checkpoint folder's name.
    public let modelVersion: String
    /// Whether the sentiment head was trained (`sentiment_examples` > 0 in the checkpoint's metrics).
    public let hasSentiment: Bool
    /// The pretrained encoder's heads that read the customer's text, or nil (the chat model reads it).
    public let encoderClassifier: EncoderClassifier?
    /// How replies are decoded (the intent is set per reply): `GenerationOptions.replies`, the
    /// settings the reply gate was fitted with.
    public var generation: GenerationOptions

    /// Wraps `model` (and, if given, the encoder heads that read messages), stored with messages as `version`.
    public init(model: ChatModel, version: String, encoderClassifier: EncoderClassifier? = nil) {
        self.model = model
        modelVersion = version
        self.encoderClassifier = encoderClassifier
        generation = GenerationOptions.replies(contextLength: model.config.contextLength)
        hasSentiment = encoderClassifier?.hasSentiment ?? ModelSentiment.hasHead(model)
    }

    /// Loads the checkpoint in `directory` (its folder name becomes the version) and sets
    /// OpenBLAS to one thread, the faster choice for one message at a time.
    ///
    /// - Throws: `ChatModelError` when it does not load; `FileFormatError` when the model knows no
    ///   intents (a sentiment-only model cannot read what customers want).
    public convenience init(contentsOf directory: URL) throws {
        let model = try ChatModel.load(from: directory)
        guard !model.labels.intents.isEmpty else {
            throw FileFormatError(.invalidData, file: directory.path,
                               message: "the model knows no intents (a sentiment-only model: use it with `chatbot sentiment --model`)")
        }
        let classifier = try EncoderClassifier.load(from: directory)
        BLAS.threadCount = 1
        self.init(model: model, version: directory.standardizedFileURL.lastPathComponent, encoderClassifier: classifier)
    }

    /// Intent, top 3, out of scope and (if trained) sentiment of `text` after `context`.
    ///
    /// The message is read both alone and after `context` (one batch), and the more confident
    /// reading wins: earlier turns resolve "the number is 51736904" but can also drown a clear
    /// request ("can you cancel it" read as `goodbye` after an order-status turn, though
    /// `cancel_order` at 0.998 alone). On the demo transcripts it keeps context's gain over
    /// reading alone (docs/BENCHMARKS.md).
    ///
    /// The encoder reads the message alone and after the customer's previous turn.
    public func analyse(_ text: String, context: [ConversationTurn]) throws -> Understanding {
        let readings: [IntentPrediction]
        if let encoderClassifier {
            let previous = context.last { $0.speaker == .customer }?.text
            readings = try encoderClassifier.predict(previous.map { [text, $0 + " " + text] } ?? [text], topK: 3)
        } else {
            readings = try model.predict(context.isEmpty ? [text] : [text, text],
                                         contexts: context.isEmpty ? [[]] : [[], context], topK: 3)
        }
        guard let prediction = readings.max(by: { $0.confidence < $1.confidence }) else {
            return Understanding(intent: "", confidence: 0, isOutOfScope: true)
        }
        return understanding(prediction)
    }

    /// Each text read alone, by the encoder when there is one (the same readings as `analyse`
    /// without context).
    public func analyse(batch texts: [String]) throws -> [Understanding] {
        try (encoderClassifier?.predict(texts, topK: 3) ?? model.predict(texts, topK: 3)).map(understanding)
    }

    private func understanding(_ prediction: IntentPrediction) -> Understanding {
        Understanding(
            intent: prediction.intent, confidence: Double(prediction.confidence),
            ranked: prediction.ranked.map { IntentGuess(intent: $0.intent, confidence: Double($0.probability)) },
            isOutOfScope: prediction.isOutOfScope,
            sentimentProbabilities: hasSentiment ? prediction.sentimentProbabilities.map(Double.init) : nil)
    }

    /// A greedy reply starting with `intent`'s token, or nil (the engine then uses the intent's
    /// template) when the model does not know the intent, its reply gate does not admit the
    /// reply (or there is no gate: generation is off), or the reply is not well formed.
    public func generateReply(intent: String, text: String, context: [ConversationTurn]) throws -> String? {
        guard let gate = model.replyGate, let reply = try candidateReply(intent: intent, text: text, context: context),
              gate.admits(reply) else { return nil }
        return Self.isWellFormed(reply.text, finished: reply.finished) ? reply.text : nil
    }

    /// The model's reply for `intent` as `generation` decodes it (text trimmed), before the gate
    /// and the well-formedness check; nil for an unknown intent.
    public func candidateReply(intent: String, text: String, context: [ConversationTurn]) throws -> GeneratedReply? {
        guard model.labels.index(of: intent) != nil else { return nil }
        var options = generation
        options.intent = intent
        var reply = try model.generate(text, context: context, options: options)
        reply.text = reply.text.trimmingCharacters(in: .whitespacesAndNewlines)
        return reply
    }

    /// From this many words a reply is long (Bitext's agents write ~110): a phrase loop is then an
    /// 8-word sequence said twice, since people repeat 3-word phrases in long replies (56 % of the
    /// held-out Bitext replies do, 0.3 % an 8-word one), while short ones keep the 3-word rule.
    package static let longReplyWords = 40

    /// Whether a generated reply reads like a sentence: it ended with `<eos>`, has at least three
    /// words, and does not stutter or loop (a chunk repeated back to back or a word said twice,
    /// or a phrase said twice — three words, eight in a long reply — the way an under-trained
    /// model loops: "I've've {order_id}.", "If the order 4821. If the order 4821.").
    package static func isWellFormed(_ reply: String, finished: Bool) -> Bool {
        let split = Words.split(reply, keeping: Words.nonWhitespace)
        guard finished, split.count >= 3, !stutters(reply) else { return false }
        // Looping at the phrase level: a word repeated back to back once punctuation is set
        // aside ("it's it's", "e-mail, e-mail"), or a phrase said twice.
        let words = split.map { $0.filter { $0.isLetter || $0.isNumber || $0 == "{" || $0 == "}" || $0 == "_" } }
            .filter { !$0.isEmpty }
        if zip(words, words.dropFirst()).contains(where: { $0 == $1 }) { return false }
        let phrase = words.count >= longReplyWords ? 8 : 3
        var seen: Set<String> = []
        for start in words.indices.dropLast(phrase - 1) {
            guard seen.insert(words[start..<(start + phrase)].joined(separator: " ")).inserted else { return false }
        }
        return true
    }

    /// A word said twice ("order order"), or a chunk of 3+ characters repeated back to back that
    /// is not spelling: one with a non-letter ("I've've", "{order_id}{order_id}") or of 5+ letters;
    /// "bringing" and "assesses" repeat 3 letters and are words.
    static func stutters(_ reply: String) -> Bool {
        if reply.range(of: #"\b(\w+)\s+\1\b"#, options: [.regularExpression, .caseInsensitive]) != nil { return true }
        guard let chunks = try? NSRegularExpression(pattern: #"(\S{3,})\1"#, options: [.caseInsensitive]) else { return false }
        let text = reply as NSString
        return chunks.matches(in: reply, range: NSRange(location: 0, length: text.length)).contains { match in
            let chunk = text.substring(with: match.range(at: 1))
            return chunk.count >= 5 || chunk.contains { !$0.isLetter }
        }
    }
}
