// Names clusters after the words that set them apart: a word scores by the share of the
// cluster's texts that contain it times its inverse document frequency over all the texts
// clustered (class-based TF-IDF); function words and numbers never name anything.
import Foundation
import Primitives

/// Top words and suggested intent names for clusters of texts.
enum ClusterNaming {
    /// English function words and chat filler that say nothing about what a customer wants.
    static let stopWords: Set<String> = [
        "a", "about", "after", "again", "all", "am", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by",
        "can", "could", "did", "do", "does", "for", "from", "get", "got", "had", "has", "have", "he", "hello", "hey",
        "hi", "how", "i", "i'm", "i've", "if", "in", "is", "it", "it's", "its", "just", "me", "my", "need", "no", "not",
        "of", "on", "one", "or", "our", "please", "pls", "so", "some", "that", "the", "their", "them", "then", "there",
        "they", "this", "to", "too", "up", "us", "was", "we", "were", "what", "when", "where", "which", "who", "why",
        "will", "with", "would", "yes", "you", "your",
    ]

    /// The words of `text` that may name something: lower case, letters, not function words.
    static func contentWords(_ text: String) -> Set<String> {
        Set(Words.split(text, keeping: Words.lettersAndApostrophes).map(String.init)
            .filter { $0.count > 1 && !stopWords.contains($0) && $0.contains(where: \.isLetter) })
    }

    /// The `count` most telling words of each cluster (labels 0..<k over `texts`).
    static func topWords(texts: [String], labels: [Int], count: Int = 3) -> [[String]] {
        let words = texts.map(contentWords)
        var documentFrequency: [String: Int] = [:]
        for set in words { for word in set { documentFrequency[word, default: 0] += 1 } }
        let k = (labels.max() ?? -1) + 1
        var perCluster = [[String: Int]](repeating: [:], count: k)
        var sizes = [Int](repeating: 0, count: k)
        for (set, label) in zip(words, labels) {
            sizes[label] += 1
            for word in set { perCluster[label][word, default: 0] += 1 }
        }
        let n = Double(texts.count)
        return (0..<k).map { cluster in
            perCluster[cluster].map { word, inCluster -> (String, Double) in
                let share = Double(inCluster) / Double(max(1, sizes[cluster]))
                return (word, share * log(1 + n / Double(documentFrequency[word] ?? 1)))
            }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            .prefix(count).map(\.0)
        }
    }

    /// A valid intent name from `words` (the first two, `a-z0-9_`), made unique against `taken`.
    static func name(_ words: [String], taken: Set<String>) -> String {
        let cleaned = words.prefix(2).map { word in
            String(word.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }.map(Character.init))
        }.filter { !$0.isEmpty }
        let base = cleaned.isEmpty ? "new_intent" : cleaned.joined(separator: "_")
        var candidate = base
        var suffix = 2
        while taken.contains(candidate) {
            candidate = "\(base)_\(suffix)"
            suffix += 1
        }
        return candidate
    }
}
