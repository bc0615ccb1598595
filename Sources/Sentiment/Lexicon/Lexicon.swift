// Word, phrase and symbol valences parsed from the TSV format of `Resources/lexicon.tsv`, with
// the longest-match phrase lookup the analyser uses.

/// A sentiment lexicon: valences in [-4, 4] for words, multi-word phrases, emoticons and emoji.
public struct Lexicon: Sendable {
    /// One lexicon entry.
    public struct Entry: Sendable, Equatable {
        /// The valence in [-4, 4]; 0 marks a neutral phrase that blocks shorter matches.
        public var valence: Double
        /// Whether the entry is politeness ("thanks", "please and thank you") rather than praise.
        public var isCourtesy: Bool
    }

    /// A phrase's words after the first, and its entry.
    package struct Phrase: Sendable {
        var rest: [String]
        var entry: Entry
    }

    /// Single lowercase words.
    private(set) var words: [String: Entry] = [:]
    /// Phrases keyed by their first word, longest first.
    private(set) var phrases: [String: [Phrase]] = [:]
    /// Emoticons and emoji exactly as written.
    private(set) var symbols: [String: Entry] = [:]

    /// The number of entries.
    public private(set) var count = 0

    /// The lexicon written for this project (compiled in from `Resources/lexicon.tsv`).
    public static let standard: Lexicon = {
        // The embedded text is checked by a test; an empty lexicon is the safe fallback.
        (try? Lexicon(tsv: embeddedTSV, source: "lexicon.tsv")) ?? Lexicon()
    }()

    /// An empty lexicon.
    public init() {}

    /// Parses `term<TAB>valence[<TAB>tags]` lines; `#` starts a comment line, blank lines are skipped.
    /// Later duplicates replace earlier ones. `source` names the file in errors.
    public init(tsv: String, source: String = "lexicon") throws {
        var lineNumber = 0
        // "\r\n" is one Character in Swift, so split on any newline character.
        for line in tsv.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2 || fields.count == 3 else {
                throw SentimentError.badLexiconLine(source: source, line: lineNumber, reason: "expected term<TAB>valence[<TAB>tags]")
            }
            guard let valence = Double(fields[1].trimmingSpaces), valence.isFinite, (-4...4).contains(valence) else {
                throw SentimentError.badLexiconLine(source: source, line: lineNumber, reason: "valence must be a number in [-4, 4]")
            }
            let tags = fields.count == 3 ? fields[2].split(separator: ",").map { $0.trimmingSpaces } : []
            let term = String(fields[0]).trimmingSpaces
            guard !term.isEmpty else {
                throw SentimentError.badLexiconLine(source: source, line: lineNumber, reason: "empty term")
            }
            // Letters with a capital would become a case-sensitive symbol that no word ever
            // matches; only two-letter emoticons ("xD") keep their case.
            if term.count > 2, term.contains(where: \.isUppercase), term.allSatisfy({ $0.isLetter || "'’- ".contains($0) }) {
                throw SentimentError.badLexiconLine(source: source, line: lineNumber,
                                                    reason: "write words in lowercase (they match any case): \(term.lowercased())")
            }
            insert(term, Entry(valence: valence, isCourtesy: tags.contains("courtesy")))
        }
    }

    /// Adds or replaces one term. Lowercase letters, digits, apostrophes, hyphens and spaces make a
    /// word or phrase; anything else (`:)`, `xD`, `😡`) is a symbol matched exactly as written.
    public mutating func insert(_ term: String, _ entry: Entry) {
        let isWordLike = term.allSatisfy { ($0.isLetter && !$0.isUppercase) || $0.isNumber || "'’- ".contains($0) }
        if !isWordLike {
            if symbols.updateValue(entry, forKey: term) == nil { count += 1 }
            return
        }
        let parts = term.lowercased().split(separator: " ").map { SentimentTokenizer.canonicalWord(String($0)) }
        guard let first = parts.first else { return }
        if parts.count == 1 {
            if words.updateValue(entry, forKey: first) == nil { count += 1 }
            return
        }
        let rest = Array(parts.dropFirst())
        var list = phrases[first, default: []]
        if let existing = list.firstIndex(where: { $0.rest == rest }) {
            list[existing].entry = entry
        } else {
            list.append(Phrase(rest: rest, entry: entry))
            list.sort { $0.rest.count > $1.rest.count }
            count += 1
        }
        phrases[first] = list
    }

    /// The entry of a single word (lowercase, canonical apostrophes), if any.
    public func word(_ word: String) -> Entry? { words[word] }

    /// The entry of an emoticon or emoji as written, if any.
    public func symbol(_ symbol: String) -> Entry? { symbols[symbol] }

    /// The longest phrase of two or more words starting at `start` in `words`, as (length, entry).
    package func longestPhrase(in words: [String], at start: Int) -> (length: Int, entry: Entry)? {
        guard let candidates = phrases[words[start]] else { return nil }
        for phrase in candidates where start + phrase.rest.count < words.count {
            var matches = true
            for (offset, word) in phrase.rest.enumerated() where words[start + 1 + offset] != word {
                matches = false
                break
            }
            if matches { return (phrase.rest.count + 1, phrase.entry) }
        }
        return nil
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}

extension String {
    var trimmingSpaces: String { Substring(self).trimmingSpaces }
}
