// Trains the BPE tokenizer a chat model uses: control tokens, one `<intent:NAME>` per intent and
// the `{slot}` placeholders found in replies are added tokens; the merges come from all text.
import Primitives
import Tokenization

/// Builds a model's tokenizer from its training examples.
public enum TokenizerPreparation {
    /// The `{slot}` placeholders in `texts`: `{` + letters, digits, `_` + `}`, sorted.
    public static func placeholders(in texts: some Sequence<String>) -> [String] {
        var found = Set<String>()
        for text in texts {
            var current: [Character]? = nil
            for character in text {
                if character == "{" {
                    current = []
                } else if character == "}", let name = current {
                    if !name.isEmpty { found.insert("{" + String(name) + "}") }
                    current = nil
                } else if current != nil {
                    if character.isLetter || character.isNumber || character == "_" {
                        current?.append(character)
                    } else {
                        current = nil
                    }
                }
            }
        }
        return found.sorted()
    }

    /// All text a tokenizer should learn from: messages, replies and context turns.
    public static func corpus(of examples: [TrainingExample]) -> [String] {
        var texts: [String] = []
        texts.reserveCapacity(examples.count * 2)
        for example in examples {
            texts.append(example.text)
            if let reply = example.reply { texts.append(reply) }
            texts += example.context.map(\.text)
        }
        return texts
    }

    /// The vocabulary size to train: bytes and added tokens plus about one merge per 3 distinct
    /// words of corpus, capped by `maximum` (1,500 short examples get ~1,000 rather than 8,000).
    public static func vocabularySize(corpus: [String], addedTokenCount: Int, maximum: Int) -> Int {
        var words = Set<Substring>()
        var characters = 0
        for text in corpus {
            characters += text.count
            for word in Words.split(text, keeping: { $0 != " " }) { words.insert(word) }
        }
        let merges = max(64, min(words.count / 2 + characters / 200, 20_000))
        return max(256 + addedTokenCount + 64, min(maximum, 256 + addedTokenCount + merges))
    }

    /// A tokenizer trained on `examples` with the control tokens, `<intent:NAME>` for each of
    /// `labels.intents` and every placeholder found in replies as added tokens.
    public static func train(on examples: [TrainingExample], labels: LabelSet,
                             maxVocabularySize: Int) throws(ChatModelError) -> Tokenizer {
        let texts = corpus(of: examples)
        var configuration = BPETrainer.Configuration()
        configuration.specialTokens = SpecialTokens.control + labels.intents.map(SpecialTokens.intent)
        configuration.placeholders = placeholders(in: examples.compactMap(\.reply))
        configuration.vocabularySize = vocabularySize(
            corpus: texts, addedTokenCount: configuration.specialTokens.count + configuration.placeholders.count,
            maximum: max(maxVocabularySize, 256 + configuration.specialTokens.count + configuration.placeholders.count + 64))
        do {
            return try BPETrainer(configuration: configuration).train(texts: texts)
        } catch {
            throw ChatModelError(.invalidTrainingData, "tokenizer training failed: \(error)")
        }
    }
}
