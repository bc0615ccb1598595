// Repetition control while decoding a reply: an under-trained model loops ("2. 2. 3. 3.",
// "further further"), which the reply checks then reject. Two classic remedies, applied to
// the logits before each choice: CTRL's penalty on tokens the reply already used (Keskar et
// al. 2019) and a ban on a token that would say one of the reply's n-grams a second time
// (Paulus et al. 2017; Hugging Face's `no_repeat_ngram_size`). Only the reply counts, not the
// prompt, so a reply may still copy the customer's words.

/// How strongly decoding avoids repeating the reply's own tokens.
struct RepetitionControl {
    /// Divides positive (multiplies negative) logits of tokens already in the reply; 1 is off.
    var penalty: Float
    /// Bans a token that would repeat an n-gram of this many tokens; 0 (or 1) is off.
    var ngramSize: Int

    /// The settings of `options`.
    init(_ options: GenerationOptions) {
        penalty = options.repetitionPenalty
        ngramSize = options.noRepeatNGramSize
    }

    /// Whether it changes anything.
    var isActive: Bool { penalty != 1 || ngramSize > 1 }

    /// Lowers the logits [V] of the next token after `generated`.
    func apply(to logits: inout [Float], generated: [Int]) {
        if penalty != 1 && penalty > 0 {
            for id in Set(generated) where logits.indices.contains(id) {
                logits[id] = logits[id] > 0 ? logits[id] / penalty : logits[id] * penalty
            }
        }
        for id in bannedByNGrams(generated) where logits.indices.contains(id) { logits[id] = -.infinity }
    }

    /// The tokens that would complete an n-gram already said: those that followed an earlier
    /// occurrence of the reply's last n-1 tokens.
    func bannedByNGrams(_ generated: [Int]) -> Set<Int> {
        let n = ngramSize
        guard n > 1, generated.count >= n else { return [] }
        let prefix = generated.suffix(n - 1)
        var banned: Set<Int> = []
        for start in 0...(generated.count - n) where generated[start..<(start + n - 1)].elementsEqual(prefix) {
            banned.insert(generated[start + n - 1])
        }
        return banned
    }
}
