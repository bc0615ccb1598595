// Finds money amounts: a number with a currency symbol, ISO code or word before or after it
// (`€24.99`, `$15`, `30 euros`, `12.50 GBP`, `EUR 1,299.00`, `24,99 €`). Value: `24.99 EUR`.
import FileFormats

/// Scanner for amounts with currency.
enum AmountScanner {
    private static let symbols: [Unicode.Scalar: String] = ["€": "EUR", "$": "USD", "£": "GBP"]
    private static let words: [String: String] = [
        "eur": "EUR", "euro": "EUR", "euros": "EUR", "usd": "USD", "dollar": "USD", "dollars": "USD",
        "bucks": "USD", "gbp": "GBP", "pound": "GBP", "pounds": "GBP", "quid": "GBP",
    ]
    private static let prefixWords: Set<String> = ["eur", "usd", "gbp"]

    static func amounts(in text: EntityText, rank: Int) -> [EntityCandidate] {
        var found: [EntityCandidate] = []
        var wordAt: [Int: Int] = [:]  // scalar start or end → word index, for currency words
        for (number, word) in text.words.enumerated() {
            wordAt[word.start] = number
            wordAt[word.end] = number
        }
        var index = 0
        while index < text.count {
            guard text.isDigit(at: index), text.boundaryBefore(index),
                  !(index >= 2 && ".,".unicodeScalars.contains(text.scalars[index - 1]) && text.isDigit(at: index - 2)),
                  let (end, value) = number(at: index, in: text) else {
                index += 1
                continue
            }
            if let (start, code) = currencyBefore(index, in: text, wordAt: wordAt) {
                found.append(EntityCandidate(kind: .amount, value: "\(value) \(code)", start: start, end: end, rank: rank))
            } else if let (stop, code) = currencyAfter(end, in: text, wordAt: wordAt) {
                found.append(EntityCandidate(kind: .amount, value: "\(value) \(code)", start: index, end: stop, rank: rank))
            }
            index = end
        }
        return found
    }

    private static func currencyBefore(_ start: Int, in text: EntityText, wordAt: [Int: Int]) -> (Int, String)? {
        var position = start
        if position > 0, text.scalars[position - 1] == " " { position -= 1 }
        if position > 0, let code = symbols[text.scalars[position - 1]] { return (position - 1, code) }
        if position < start, let number = wordAt[position], text.words[number].end == position,
           prefixWords.contains(text.words[number].lower) {
            return (text.words[number].start, words[text.words[number].lower] ?? "")
        }
        return nil
    }

    private static func currencyAfter(_ end: Int, in text: EntityText, wordAt: [Int: Int]) -> (Int, String)? {
        var position = end
        if position < text.count, text.scalars[position] == " " { position += 1 }
        if position < text.count, let code = symbols[text.scalars[position]] { return (position + 1, code) }
        if let number = wordAt[position], text.words[number].start == position,
           let code = words[text.words[number].lower] {
            return (text.words[number].end, code)
        }
        return nil
    }

    /// Reads a number with optional thousands separators and decimals; returns its end and its
    /// normalised form (`1299.50`), or nil if the grouping is not a valid amount.
    ///
    /// One separator followed by exactly 3 digits groups thousands (`1,299`, `1.299`); followed by
    /// 1–2 digits it is the decimal mark (`24.99`, `24,99`). With both `,` and `.`, the last is decimal.
    static func number(at start: Int, in text: EntityText) -> (Int, String)? {
        var groups: [String] = []
        var separators: [Unicode.Scalar] = []
        var index = start
        while groups.count < 8 {
            let groupStart = index
            while text.isDigit(at: index), index - groupStart < 16 { index += 1 }
            guard index > groupStart else { return nil }
            groups.append(text.digits(groupStart, index))
            guard index + 1 < text.count, ".,".unicodeScalars.contains(text.scalars[index]), text.isDigit(at: index + 1) else { break }
            separators.append(text.scalars[index])
            index += 1
        }
        guard text.boundaryAfter(index) else { return nil }
        guard let last = separators.last else { return (index, groups[0]) }
        let mixed = Set(separators).count > 1
        let decimalMark: Unicode.Scalar? = mixed ? last : (separators.count == 1 && groups[1].count != 3 ? last : nil)
        let integerGroups = decimalMark == nil ? groups : Array(groups.dropLast())
        if let decimalMark {
            guard groups[groups.count - 1].count <= 2, separators.dropLast().allSatisfy({ $0 != decimalMark }) else { return nil }
        }
        if integerGroups.count > 1 {
            guard (1...3).contains(integerGroups[0].count), integerGroups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        let integer = integerGroups.joined()
        return (index, decimalMark == nil ? integer : integer + "." + groups[groups.count - 1])
    }
}
