// Splits a message into words, emoticons, emoji and clause punctuation, keeping apostrophes
// ("didn't") and dropping mentions, URLs and other symbols. Linear in the input length.

/// Tokenizes messages for `LexiconSentimentAnalyser`.
package struct SentimentTokenizer: Sendable {
    /// The lexicon whose emoticons are recognised as whole chunks.
    package let lexicon: Lexicon

    /// A tokenizer that recognises `lexicon`'s emoticons.
    package init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    /// Apostrophe-less spellings of contractions that matter for negation and phrases.
    static let contractions: [String: String] = [
        "dont": "don't", "cant": "can't", "wont": "won't", "didnt": "didn't", "doesnt": "doesn't",
        "isnt": "isn't", "arent": "aren't", "wasnt": "wasn't", "werent": "weren't", "havent": "haven't",
        "hasnt": "hasn't", "hadnt": "hadn't", "couldnt": "couldn't", "wouldnt": "wouldn't",
        "shouldnt": "shouldn't", "aint": "ain't", "mustnt": "mustn't", "neednt": "needn't",
        "im": "i'm", "ive": "i've", "youre": "you're", "theyre": "they're", "thats": "that's",
    ]

    /// The canonical lookup form of one lowercase word: `’` → `'`, `dont` → `don't`.
    static func canonicalWord(_ word: String) -> String {
        let straight = word.contains("’") ? word.replacingAll("’", with: "'") : word
        return contractions[straight] ?? straight
    }

    /// The tokens of `text`.
    package func tokens(_ text: String) -> [SentimentToken] {
        var result: [SentimentToken] = []
        var chunk = ""
        for character in text {
            if Self.isSeparator(character) {
                if !chunk.isEmpty { appendChunk(chunk, to: &result) }
                chunk = ""
            } else {
                chunk.append(character)
            }
        }
        if !chunk.isEmpty { appendChunk(chunk, to: &result) }
        return result
    }

    private static func isSeparator(_ character: Character) -> Bool {
        if character.isWhitespace { return true }
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return false }
        return scalar.properties.generalCategory == .control
    }

    /// One whitespace-separated chunk: a whole emoticon, a mention/URL, or words, emoji and punctuation.
    private func appendChunk(_ chunk: String, to result: inout [SentimentToken]) {
        if lexicon.symbol(chunk) != nil {
            result.append(SentimentToken(kind: .symbol, text: chunk, norm: chunk))
            return
        }
        let lower = chunk.lowercased()
        if chunk.hasPrefix("@") || lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.") {
            return
        }
        // An emoticon glued to the end ("thanks:)", "late again :(!!"): split it off.
        var core = Substring(chunk)
        var trailing: [Character] = []
        while let last = core.last, ".,;!?".contains(last) {
            trailing.append(last)
            core = core.dropLast()
        }
        if let split = gluedEmoticon(in: core) {
            scan(core[..<split], into: &result)
            let emoticon = String(core[split...])
            result.append(SentimentToken(kind: .symbol, text: emoticon, norm: emoticon))
            for mark in trailing.reversed() { appendPunctuation(mark, to: &result) }
        } else {
            scan(Substring(chunk), into: &result)
        }
    }

    /// Where an emoticon of 2–4 characters that starts with a non-letter ends `core`, if one does.
    private func gluedEmoticon(in core: Substring) -> Substring.Index? {
        // Most chunks end in a letter; only these letters end an emoticon (":D", ":p", ":s").
        guard let last = core.last, !last.isLetter || "DPpSsbcoO".contains(last) else {
            return nil
        }
        for length in stride(from: min(4, core.count), through: 2, by: -1) {
            let start = core.index(core.endIndex, offsetBy: -length)
            guard let first = core[start...].first, !first.isLetter, !first.isNumber else { continue }
            if lexicon.symbol(String(core[start...])) != nil { return start }
        }
        return nil
    }

    /// Words, emoji and punctuation inside a chunk.
    private func scan(_ text: Substring, into result: inout [SentimentToken]) {
        var word = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            let nextIsLetter = next < text.endIndex && text[next].isLetter
            if character.isLetter || character.isNumber {
                word.append(character)
            } else if (character == "'" || character == "’" || character == "-") && !word.isEmpty && nextIsLetter {
                word.append(character)
            } else {
                if !word.isEmpty { appendWord(word, to: &result) }
                word = ""
                if Self.isEmoji(character) {
                    result.append(SentimentToken(kind: .symbol, text: String(character), norm: String(character)))
                } else {
                    appendPunctuation(character, to: &result)
                }
            }
            index = next
        }
        if !word.isEmpty { appendWord(word, to: &result) }
    }

    private func appendPunctuation(_ character: Character, to result: inout [SentimentToken]) {
        if ".,;:!?".contains(character) {
            result.append(SentimentToken(kind: .punctuation, text: String(character), norm: String(character)))
        } else if character == "…" {
            result.append(SentimentToken(kind: .punctuation, text: "…", norm: "."))
        }
    }

    private func appendWord(_ word: String, to result: inout [SentimentToken]) {
        let letters = word.filter(\.isLetter)
        let isCaps = letters.count >= 2 && letters.allSatisfy(\.isUppercase)
        var norm = Self.canonicalWord(word.lowercased())
        let shortened = Self.collapsingRuns(norm, keeping: 2)
        let isElongated = shortened != norm
        if isElongated {
            let single = Self.collapsingRuns(norm, keeping: 1)
            let knownDouble = lexicon.word(shortened) != nil || ModifierWords.isModifier(shortened)
            let knownSingle = lexicon.word(single) != nil || ModifierWords.isModifier(single)
            norm = knownDouble || !knownSingle ? shortened : single
        }
        result.append(SentimentToken(kind: .word, text: word, norm: norm, isCaps: isCaps, isElongated: isElongated))
    }

    /// `word` with every run of three or more equal characters cut to `keeping` characters.
    static func collapsingRuns(_ word: String, keeping: Int) -> String {
        // Only runs of three or more count; "too" and "good" keep their doubles.
        guard word.hasRun(ofAtLeast: 3) else { return word }
        var result = ""
        var previous: Character?
        var run = 0
        for character in word {
            run = character == previous ? run + 1 : 1
            previous = character
            if run <= keeping { result.append(character) }
        }
        return result
    }

    /// Whether a character is a pictographic emoji (not a digit, `#` or `*`).
    static func isEmoji(_ character: Character) -> Bool {
        guard let first = character.unicodeScalars.first else { return false }
        if first.properties.isEmojiPresentation { return true }
        return first.properties.isEmoji && first.value > 0xFF
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }

    func hasRun(ofAtLeast length: Int) -> Bool {
        var previous: Character?
        var run = 0
        for character in self {
            run = character == previous ? run + 1 : 1
            previous = character
            if run >= length { return true }
        }
        return false
    }
}
