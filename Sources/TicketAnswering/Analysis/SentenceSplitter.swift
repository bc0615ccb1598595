// Splits a ticket into the requests it may hold: sentences (ending in . ! ? or a line break),
// then clauses joined by "and also", "also," or a semicolon, keeping pieces of three words or more.
import Foundation
import Primitives

/// Cuts a ticket's text into sentence-sized pieces for multi-intent reading.
public enum SentenceSplitter {
    /// Pieces with fewer words are not read on their own ("Thanks.", "Hi Anna,").
    public static let minimumWords = 3
    /// Phrases that start a second request inside one sentence (matched lower-cased).
    static let joiners = [", and also ", " and also ", "; ", ", also ", ". also ", " also, ", ", plus "]

    /// The pieces of `text` in order, at most `limit` of them.
    public static func split(_ text: String, limit: Int = 8) -> [String] {
        var pieces: [String] = []
        for sentence in sentences(text) {
            for clause in clauses(sentence) where Words.split(clause, keeping: Words.nonWhitespace).count >= minimumWords {
                pieces.append(clause)
                if pieces.count == limit { return pieces }
            }
        }
        return pieces
    }

    /// Sentences: cut after `.`, `!` or `?` followed by white space, and at line breaks.
    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var previous: Character = " "
        for character in text {
            if character.isNewline {
                result.append(current)
                current = ""
            } else if character.isWhitespace, ".!?".contains(previous) {
                result.append(current)
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        result.append(current)
        return result.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Clauses of one sentence, cut before each joiner phrase (the joiner itself dropped).
    static func clauses(_ sentence: String) -> [String] {
        var rest = sentence
        var result: [String] = []
        while let range = joiners.lazy.compactMap({ rest.range(of: $0, options: .caseInsensitive) })
            .min(by: { $0.lowerBound < $1.lowerBound }) {
            result.append(String(rest[..<range.lowerBound]))
            rest = String(rest[range.upperBound...])
        }
        result.append(rest)
        return result.map { $0.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters)) }.filter { !$0.isEmpty }
    }
}
