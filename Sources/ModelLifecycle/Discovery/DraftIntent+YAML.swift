// A draft intent as a file of the intents folder, with comments that say where it came from.
import FileFormats

extension DraftIntent {
    /// The draft's `NAME.yaml` text; `modelVersion` names the model that did not know its turns.
    public func yaml(modelVersion: String) -> String {
        var comments = [
            "Draft intent proposed by `chatbot propose-intents` from \(turnCount) customer turns that model \(modelVersion) did not know,",
            "in \(conversations.count) conversation\(conversations.count == 1 ? "" : "s") (first: \(conversations.prefix(3).joined(separator: ", "))).",
            "Review it: rename the intent (and this file), write the description, keep the examples that belong,",
            "add more (45 or so), and check the responses (agents' replies to these turns) before moving it into intents/.",
        ]
        if replies.isEmpty { comments.append("No agent replied to these turns: write 2 or 3 responses.") }
        return IntentFileWriter.yaml(name: name, description: description, examples: examples, responses: replies, comments: comments)
    }
}
