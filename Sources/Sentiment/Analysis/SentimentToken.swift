// One unit of a message as the lexicon analyser sees it: a word, an emoticon/emoji, or a
// punctuation mark that ends a negation scope.

/// A token of a message.
struct SentimentToken: Sendable, Equatable {
    /// What kind of unit it is.
    enum Kind: Sendable, Equatable {
        /// Letters, digits, inner apostrophes and hyphens.
        case word
        /// An emoticon such as `:(` or an emoji such as `😡`.
        case symbol
        /// One of `. , ; : ! ?` (an ellipsis counts as `.`).
        case punctuation
    }

    /// The kind.
    var kind: Kind
    /// The text as written.
    var text: String
    /// The lookup form: lowercase, canonical apostrophes, elongations shortened (`soooo` → `so`).
    var norm: String
    /// Whether a word of two or more letters is written in capitals.
    var isCaps: Bool = false
    /// Whether the writer stretched a word (`sooo`, `noooo`), a sign of emphasis.
    var isElongated: Bool = false

    /// Whether this token ends a clause (negation and intensifier scope stops here).
    var endsClause: Bool { kind == .punctuation }
}
