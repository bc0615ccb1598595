// The grammar words the rules look for: negators, intensifiers and dampeners, and contrast
// words. Written for this project; multi-word modifiers are keyed with a space.

/// Negation, degree and contrast vocabulary.
enum ModifierWords {
    /// Words that flip the valence of a sentiment word within the next few tokens.
    static let negators: Set<String> = [
        "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "nowhere", "cannot",
        "without", "hardly", "barely", "scarcely", "lack", "lacks", "lacking", "nope",
    ]

    /// Whether `word` negates: one of `negators` or any `n't` contraction.
    static func isNegator(_ word: String) -> Bool {
        negators.contains(word) || word.hasSuffix("n't")
    }

    /// Degree words: the relative change they make to the next sentiment word
    /// (+0.5 = half as strong again, -0.4 = weaker by 40 %).
    static let degree: [String: Double] = [
        // intensifiers
        "very": 0.3, "really": 0.3, "so": 0.3, "too": 0.2, "such": 0.2, "quite": 0.1, "pretty": 0.1,
        "extremely": 0.5, "incredibly": 0.5, "exceptionally": 0.5, "utterly": 0.5, "absolutely": 0.4,
        "totally": 0.4, "completely": 0.4, "entirely": 0.3, "thoroughly": 0.4, "highly": 0.3, "deeply": 0.3,
        "truly": 0.3, "super": 0.35, "most": 0.3, "more": 0.15, "particularly": 0.2, "especially": 0.2,
        "seriously": 0.3, "genuinely": 0.2, "hugely": 0.4, "massively": 0.4, "immensely": 0.4,
        "enormously": 0.4, "remarkably": 0.3, "unbelievably": 0.5, "insanely": 0.5, "ridiculously": 0.5,
        "beyond": 0.4, "majorly": 0.4, "mega": 0.3, "damn": 0.3, "damned": 0.3, "bloody": 0.3,
        "freaking": 0.4, "fricking": 0.4, "frigging": 0.4, "fucking": 0.5, "effing": 0.4, "hella": 0.4,
        "real": 0.2, "way": 0.2, "far": 0.2, "ever": 0.1, "even": 0.1, "still": 0.1,
        "much": 0.2, "so much": 0.3, "big": 0.1, "huge": 0.3, "massive": 0.3, "total": 0.3,
        "complete": 0.3, "absolute": 0.4, "utter": 0.5,
        // dampeners
        "slightly": -0.4, "somewhat": -0.3, "fairly": -0.2, "rather": -0.15, "mildly": -0.4,
        "marginally": -0.4, "partly": -0.3, "partially": -0.3, "almost": -0.2, "nearly": -0.2,
        "kinda": -0.4, "sorta": -0.4, "kind of": -0.4, "sort of": -0.4, "a bit": -0.3,
        "a little": -0.3, "little bit": -0.3, "a tad": -0.3, "bit": -0.2, "mostly": -0.15,
        "occasionally": -0.3, "sometimes": -0.2, "relatively": -0.2, "reasonably": -0.15,
        "moderately": -0.3, "less": -0.3, "maybe": -0.2, "perhaps": -0.2,
        "possibly": -0.2, "probably": -0.1, "hopefully": -0.1,
    ]

    /// Words after which the message's weight shifts: what follows weighs more. ("yet" and
    /// "though" are left out: "not yet" and a closing "though" would misfire.)
    static let contrast: Set<String> = ["but", "however", "nevertheless", "nonetheless", "anyway", "anyways"]

    /// Words that open the less important clause, up to the next punctuation
    /// ("although it was late, the crew were great"). "even though" is found by its "though".
    static let concessive: Set<String> = ["although", "despite", "albeit"]

    /// Whether `word` is a negator, degree word or contrast word.
    static func isModifier(_ word: String) -> Bool {
        isNegator(word) || degree[word] != nil || contrast.contains(word) || concessive.contains(word)
    }
}
