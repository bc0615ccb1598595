// The rule-based analyser: lexicon matches (longest phrase first), then negation, degree words,
// capitals, contrast, politeness and punctuation, summed and squashed to a score in [-1, 1].
import Primitives

/// Sentiment from the project's lexicon and hand-written rules; needs no model.
public struct LexiconSentimentAnalyser: SentimentAnalyser {
    /// The valences.
    public var lexicon: Lexicon
    /// The rule weights.
    public var rules: SentimentRules

    /// An analyser on `lexicon` (the project's own by default) with `rules`.
    public init(lexicon: Lexicon = .standard, rules: SentimentRules = SentimentRules()) {
        self.lexicon = lexicon
        self.rules = rules
    }

    /// A lexicon match before and after the rules.
    struct Item {
        /// Token range `start..<end`.
        var start: Int
        var end: Int
        var term: String
        var valence: Double
        var isCourtesy: Bool
        var value: Double
        var notes: [String] = []
    }

    /// Label, score and drivers of `text`; never fails (empty or symbol-only text is neutral).
    public func analyse(_ text: String) -> SentimentResult {
        let tokens = SentimentTokenizer(lexicon: lexicon).tokens(text)
        var items = matches(in: tokens)
        items = droppingDegreeWordsBeforeItems(items, tokens: tokens)
        let shouting = isShouting(tokens)
        for index in items.indices {
            // A modifier window never reaches back into the previous match ("thanks so much :)").
            let floor = index > 0 ? items[index - 1].end : 0
            applyLocalRules(to: &items[index], tokens: tokens, floor: floor, shouting: shouting)
        }
        applyCourtesy(to: &items)
        applyContrast(to: &items, tokens: tokens)
        var drivers = items.map {
            SentimentDriver(term: $0.term, valence: $0.valence, contribution: $0.value, notes: $0.notes)
        }
        var sum = items.reduce(0) { $0 + $1.value }
        if shouting, sum != 0 {
            drivers.append(SentimentDriver(term: "ALL CAPS", valence: 0, contribution: sum * (rules.shoutingFactor - 1), notes: ["shouting"]))
            sum *= rules.shoutingFactor
        }
        sum += punctuationEmphasis(tokens: tokens, sum: sum, drivers: &drivers)
        let score = rules.alpha > 0 ? sum / (sum * sum + rules.alpha).squareRoot() : (sum > 0 ? 1 : sum < 0 ? -1 : 0)
        let clamped = score.isFinite ? min(1, max(-1, score)) : 0
        let label: SentimentLabel = clamped >= rules.neutralBand ? .positive : clamped <= -rules.neutralBand ? .negative : .neutral
        drivers.sort { abs($0.contribution) > abs($1.contribution) }
        return SentimentResult(label: label, score: clamped, drivers: Array(drivers.prefix(max(0, rules.maxDrivers))))
    }

    // MARK: Matching

    /// Lexicon matches, longest phrase first; neutral (0) entries consume their words silently.
    func matches(in tokens: [SentimentToken]) -> [Item] {
        // Phrases never cross punctuation or symbols: those positions get an impossible word.
        let words = tokens.map { $0.kind == .word ? $0.norm : "\u{0}" }
        var items: [Item] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            var length = 1
            var entry: Lexicon.Entry?
            switch token.kind {
            case .word:
                if let phrase = lexicon.longestPhrase(in: words, at: index) {
                    (length, entry) = (phrase.length, phrase.entry)
                } else {
                    entry = wordEntry(token.norm)
                }
            case .symbol:
                entry = symbolEntry(token.norm)
            case .punctuation:
                break
            }
            if let entry, entry.valence != 0 {
                let term = tokens[index..<(index + length)].map(\.text).joined(separator: " ")
                items.append(Item(start: index, end: index + length, term: term, valence: entry.valence,
                                  isCourtesy: entry.isCourtesy, value: entry.valence))
            }
            index += length
        }
        return items
    }

    /// A word's entry, trying plain inflections when the word itself is missing
    /// ("delays" → "delay", "annoyingly" → "annoying") and hashtag-style negations ("nothappy").
    func wordEntry(_ word: String) -> Lexicon.Entry? {
        if let entry = lexicon.word(word) { return entry }
        guard word.count > 4 else { return nil }
        for negator in ["not", "never", "no"] where word.hasPrefix(negator) && word.count - negator.count >= 3 {
            if var entry = lexicon.word(String(word.dropFirst(negator.count))) {
                entry.valence *= rules.negationFactor
                return entry
            }
        }
        for (suffix, replacement) in [("s", ""), ("es", ""), ("ly", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")]
        where word.hasSuffix(suffix) {
            let stem = String(word.dropLast(suffix.count)) + replacement
            if let entry = lexicon.word(stem) { return entry }
        }
        return nil
    }

    /// An emoji's entry, ignoring variation selectors, skin tones and joined parts if needed.
    func symbolEntry(_ symbol: String) -> Lexicon.Entry? {
        if let entry = lexicon.symbol(symbol) { return entry }
        let scalars = symbol.unicodeScalars.filter { $0.value != 0xFE0F && !(0x1F3FB...0x1F3FF).contains($0.value) }
        var plain = String.UnicodeScalarView()
        plain.append(contentsOf: scalars)
        if let entry = lexicon.symbol(String(plain)) { return entry }
        guard let first = scalars.first else { return nil }
        return lexicon.symbol(String(first))
    }

    /// Degree words that are also in the lexicon ("seriously", "damn") act as modifiers when a
    /// sentiment item follows in the same clause, and lose their own valence.
    func droppingDegreeWordsBeforeItems(_ items: [Item], tokens: [SentimentToken]) -> [Item] {
        items.enumerated().compactMap { offset, item in
            guard item.end - item.start == 1, ModifierWords.degree[tokens[item.start].norm] != nil,
                  offset + 1 < items.count else { return item }
            let next = items[offset + 1]
            let gapIsClean = !tokens[item.end..<next.start].contains { $0.endsClause }
            return next.start - item.end < rules.scope && gapIsClean ? nil : item
        }
    }

    private func isShouting(_ tokens: [SentimentToken]) -> Bool {
        let candidates = tokens.filter { $0.kind == .word && $0.text.filter(\.isLetter).count >= 2 }
        guard candidates.count >= 2 else { return false }
        let caps = candidates.filter(\.isCaps).count
        return Double(caps) >= rules.shoutingFraction * Double(candidates.count)
    }
}
