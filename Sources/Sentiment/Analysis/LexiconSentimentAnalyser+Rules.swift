// The rules that reweigh lexicon matches: negation and degree words in a short window before a
// match, capitals and stretched words, politeness inside complaints, contrast, and "!"/"?".

extension LexiconSentimentAnalyser {
    /// Negation, degree words, capitals and elongation for one item.
    func applyLocalRules(to item: inout Item, tokens: [SentimentToken], floor: Int, shouting: Bool) {
        var degree = 0.0
        var degreeWords: [String] = []
        var negator: String?
        var distance = 0
        var position = item.start - 1
        while position >= floor, distance < rules.scope {
            let token = tokens[position]
            if token.endsClause || ModifierWords.contrast.contains(token.norm) { break }
            distance += 1
            let pair = position > floor ? tokens[position - 1].norm + " " + token.norm : ""
            if let step = ModifierWords.degree[pair] {
                degree += weighted(step, distance: distance, emphasised: token.isCaps && !shouting)
                degreeWords.append(pair)
                position -= 2
                continue
            }
            if let step = ModifierWords.degree[token.norm] {
                degree += weighted(step, distance: distance, emphasised: token.isCaps && !shouting)
                degreeWords.append(token.norm)
            } else if negator == nil, ModifierWords.isNegator(token.norm), !cancelsNegation(after: position, tokens: tokens) {
                negator = token.text
            }
            position -= 1
        }
        if degree != 0 {
            let factor = max(0.1, 1 + degree)
            item.value *= factor
            item.notes.append("×\(format(factor)) \(degreeWords.reversed().map { "\"\($0)\"" }.joined(separator: " "))")
        }
        let matched = tokens[item.start..<item.end]
        if !shouting, matched.contains(where: \.isCaps) {
            item.value *= rules.capsFactor
            item.notes.append("CAPS")
        }
        if matched.contains(where: \.isElongated) {
            item.value *= rules.elongationFactor
            item.notes.append("stretched")
        }
        if let negator {
            item.value *= rules.negationFactor
            item.notes.append("negated by \"\(negator)\"")
        }
    }

    private func weighted(_ step: Double, distance: Int, emphasised: Bool) -> Double {
        step * (1 - 0.1 * Double(distance - 1)) * (emphasised ? 1.5 : 1)
    }

    /// "not only", "no doubt", "never mind" do not negate what follows.
    private func cancelsNegation(after position: Int, tokens: [SentimentToken]) -> Bool {
        guard position + 1 < tokens.count else { return false }
        let pair = (tokens[position].norm, tokens[position + 1].norm)
        return [("not", "only"), ("no", "doubt"), ("never", "mind"), ("not", "just")].contains { $0 == pair }
    }

    /// Politeness inside a complaint ("thanks… delayed again") is manners, not praise.
    func applyCourtesy(to items: inout [Item]) {
        guard items.contains(where: { !$0.isCourtesy && $0.value < 0 }) else { return }
        for index in items.indices where items[index].isCourtesy && items[index].value > 0 {
            items[index].value *= rules.courtesyInComplaint
            items[index].notes.append("politeness in a complaint")
        }
    }

    /// After the last "but"/"however" with something after it, the later part weighs more; a
    /// concessive clause ("although …,") weighs less. Linear in tokens + items.
    func applyContrast(to items: inout [Item], tokens: [SentimentToken]) {
        let lastStart = items.last?.start ?? 0
        if let pivot = tokens[..<lastStart].indices.last(where: { index in
            tokens[index].kind == .word && ModifierWords.contrast.contains(tokens[index].norm)
        }) {
            let word = tokens[pivot].norm
            for index in items.indices {
                if items[index].end <= pivot {
                    items[index].value *= rules.beforeContrast
                    items[index].notes.append("before \"\(word)\"")
                } else if items[index].start > pivot {
                    items[index].value *= rules.afterContrast
                    items[index].notes.append("after \"\(word)\"")
                }
            }
        }
        // The concessive word opening the clause each token is in, if any (one sweep).
        var opener: [String?] = Array(repeating: nil, count: tokens.count)
        var current: String?
        for index in tokens.indices {
            if tokens[index].endsClause {
                current = nil
            } else if isConcessive(at: index, tokens: tokens) {
                current = tokens[index].norm
                continue
            }
            opener[index] = current
        }
        for index in items.indices {
            if let word = opener[items[index].start] {
                items[index].value *= rules.concessiveWeight
                items[index].notes.append("in a \"\(word)\" clause")
            }
        }
    }

    private func isConcessive(at index: Int, tokens: [SentimentToken]) -> Bool {
        let word = tokens[index].norm
        if ModifierWords.concessive.contains(word) { return true }
        return word == "though" && index > 0 && tokens[index - 1].norm == "even"
    }

    /// "!" adds to the magnitude of whatever the message already says; "??" deepens a complaint.
    func punctuationEmphasis(tokens: [SentimentToken], sum: Double, drivers: inout [SentimentDriver]) -> Double {
        guard sum != 0 else { return 0 }
        let exclamations = min(tokens.count { $0.text == "!" }, rules.maxExclamations)
        var added = 0.0
        if exclamations > 0 {
            let step = (sum > 0 ? 1 : -1) * rules.exclamationStep * Double(exclamations)
            drivers.append(SentimentDriver(term: String(repeating: "!", count: exclamations), valence: 0, contribution: step, notes: ["emphasis"]))
            added += step
        }
        let questions = min(tokens.count { $0.text == "?" }, rules.maxQuestions)
        if sum < 0, questions >= 2 {
            let step = -rules.questionStep * Double(questions)
            drivers.append(SentimentDriver(term: String(repeating: "?", count: questions), valence: 0, contribution: step, notes: ["exasperation"]))
            added += step
        }
        return added
    }

    private func format(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return "\(rounded)"
    }
}
