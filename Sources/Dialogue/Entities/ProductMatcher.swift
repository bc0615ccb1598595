// Finds product names from the domain list in a message: whole words, any case, the longest
// name wins, and the last word may differ by a plural `s`/`es` ("down jackets", "trekking pole").
import FileFormats

/// Matches product names against a message's words.
struct ProductMatcher: Sendable {
    private struct Name: Sendable {
        var words: [String]
        var canonical: String
    }

    /// Names by their first word, longest first.
    private let byFirstWord: [String: [Name]]

    init(products: [String]) {
        var index: [String: [Name]] = [:]
        for product in products {
            let words = EntityText(product).words.map(\.lower)
            guard let first = words.first else { continue }
            for key in Self.keys(for: first) { index[key, default: []].append(Name(words: words, canonical: product)) }
        }
        byFirstWord = index.mapValues { $0.sorted { $0.words.count > $1.words.count } }
    }

    /// A word and its singular guesses, used both to index names and to look words up.
    private static func keys(for word: String) -> [String] {
        var keys = [word]
        if word.hasSuffix("es") { keys.append(String(word.dropLast(2))) }
        if word.hasSuffix("s") { keys.append(String(word.dropLast())) }
        return keys
    }

    func products(in text: EntityText, rank: Int) -> [EntityCandidate] {
        guard !byFirstWord.isEmpty else { return [] }
        let words = text.words
        var found: [EntityCandidate] = []
        var index = 0
        while index < words.count {
            var best: (Name, Int)? = nil
            for key in Self.keys(for: words[index].lower) {
                for name in byFirstWord[key] ?? [] where matches(name, at: index, in: words) {
                    if best == nil || name.words.count > (best?.0.words.count ?? 0) { best = (name, name.words.count) }
                }
            }
            if let (name, count) = best {
                found.append(EntityCandidate(kind: .product, value: name.canonical, start: words[index].start,
                                             end: words[index + count - 1].end, rank: rank))
                index += count
            } else {
                index += 1
            }
        }
        return found
    }

    private func matches(_ name: Name, at start: Int, in words: [EntityText.Word]) -> Bool {
        guard start + name.words.count <= words.count else { return false }
        for (offset, expected) in name.words.enumerated() {
            let actual = words[start + offset].lower
            if actual == expected { continue }
            guard offset == name.words.count - 1 else { return false }
            let plural = actual == expected + "s" || actual == expected + "es"
                || expected == actual + "s" || expected == actual + "es"
            if !plural { return false }
        }
        // Words must be adjacent (one separator between them), not spread across a sentence.
        for offset in 1..<max(1, name.words.count) {
            let gap = words[start + offset].start - words[start + offset - 1].end
            if gap != 1 { return false }
        }
        return true
    }
}
