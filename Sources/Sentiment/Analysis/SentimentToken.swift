// One unit of a message as the lexicon analyser sees it: a word, an emoticon/emoji, or a
// punctuation mark that ends a negation scope.

/// A token of a message.
package struct SentimentToken: Sendable, Equatable {
    /// What kind of unit it is.
    package enum Kind: Sendable, Equatable {
        /// Letters, digits, inner apostrophes and hyphens.
        case word
        /// An emoticon such as `:(` or an emoji such as `😡`.
        case symbol
        /// One of `. , ; : ! ?` (an ellipsis counts as `.`).
        case punctuation
    }

    /// The kind.
    package var kind: Kind
    /// The text as written.
    package var text: String
    /// The lookup form: lowercase, canonical apostrophes, elongations shortened (`soooo` → `so`).
    package var norm: String
    /// Whether a word of two or more letters is written in capitals.
    package var isCaps: Bool = false
    /// Whether the writer stretched a word (`sooo`, `noooo`), a sign of emphasis.
    package var isElongated: Bool = false

    /// Whether this token ends a clause (negation and intensifier scope stops here).
    package var endsClause: Bool { kind == .punctuation }
}
