// The one word splitter for the dialogue layers: lower-cased runs of word characters, where what
// counts as a word character is the caller's one option. (The model's featurizer keeps its own
// scalar-level tokens, since its hash buckets are saved in checkpoints; the sentiment tokenizer
// is a tokenizer, with emoticons and emoji.)

/// Splits text into lower-cased words.
public enum Words {
    /// Letters and digits (`Character.isLetter`, `isNumber`).
    public static let lettersAndDigits: @Sendable (Character) -> Bool = { $0.isLetter || $0.isNumber }
    /// Letters and apostrophes ("where's" stays one word).
    public static let lettersAndApostrophes: @Sendable (Character) -> Bool = { $0.isLetter || $0 == "'" }
    /// Anything but white space (words as separated by spaces, tabs and line breaks).
    public static let nonWhitespace: @Sendable (Character) -> Bool = { !$0.isWhitespace }

    /// The lower-cased runs of `text` whose characters satisfy `isWordCharacter`, in order.
    ///
    /// `Words.split("Where's MY order?", keeping: Words.lettersAndApostrophes)` is
    /// `["where's", "my", "order"]`.
    public static func split(_ text: String, keeping isWordCharacter: (Character) -> Bool = lettersAndDigits) -> [Substring] {
        text.lowercased().split { !isWordCharacter($0) }
    }
}
