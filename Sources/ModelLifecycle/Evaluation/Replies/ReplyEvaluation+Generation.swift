// Runs generation over labelled data with replies, through the understanding's `generateReply`:
// the call the chat and `chatbot answer` make before their reply checks.
import Dialogue
import FileFormats

extension ReplyEvaluation {
    /// A reply generated for each example that has a reference, for the intent read for it
    /// (`intents[i]` for `examples[i]`), or nil when no example has a reference.
    public static func generating(for examples: [LabelledExample], intents: [String],
                                  with understanding: any LanguageUnderstanding) throws -> ReplyEvaluation? {
        var samples: [ReplySample] = []
        for (example, intent) in zip(examples, intents) {
            guard let reference = example.reply else { continue }
            let generated = try understanding.generateReply(intent: intent, text: example.text, context: []) ?? ""
            samples.append(ReplySample(text: example.text, intent: intent, reference: reference, generated: generated))
        }
        return samples.isEmpty ? nil : ReplyEvaluation(samples: samples)
    }
}
