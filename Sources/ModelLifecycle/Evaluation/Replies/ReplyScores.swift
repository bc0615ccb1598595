// Reply quality as the shared scorer (`../shared/bench/reply_score.py`) measures it: mean
// ROUGE-L F1 (rouge-score's tokenizer and Porter stemmer) and corpus chrF (sacrebleu's default:
// character 1–6-grams without whitespace, β = 2), both ×100, with placeholders compared in one
// spelling (`{{Order Number}}` and `{order_number}` alike).
import FileFormats
import Foundation

/// ROUGE-L and chrF of generated replies against references.
public struct ReplyScores: Sendable, Equatable {
    /// Scored pairs.
    public var count: Int
    /// Mean ROUGE-L F1 ×100.
    public var rougeL: Double
    /// Corpus chrF ×100.
    public var chrF: Double

    /// Scores each `generated` reply against the `reference` at the same index (shorter list wins).
    public init(references: [String], generated: [String]) {
        let pairs = zip(references.map(ResponseTemplate.singleBraced), generated.map(ResponseTemplate.singleBraced))
        var rouge = 0.0
        var statistics = [ChrFStatistics](repeating: ChrFStatistics(), count: Self.chrFOrder)
        var n = 0
        for (reference, hypothesis) in pairs {
            rouge += Self.rougeLF1(reference: reference, hypothesis: hypothesis)
            let segment = Self.chrFStatistics(reference: reference, hypothesis: hypothesis)
            for order in statistics.indices { statistics[order].add(segment[order]) }
            n += 1
        }
        count = n
        rougeL = n == 0 ? 0 : 100 * rouge / Double(n)
        chrF = Self.chrF(statistics)
    }

    // MARK: ROUGE-L

    /// rouge-score's tokens: lower case, runs of anything but `a-z0-9` split, words longer than 3 stemmed.
    static func rougeTokens(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.map { $0.count > 3 ? PorterStemmer.stem($0) : $0 }.filter { !$0.isEmpty }
    }

    /// F1 of the longest common subsequence of tokens; 0 when either side has none.
    package static func rougeLF1(reference: String, hypothesis: String) -> Double {
        let r = rougeTokens(reference), h = rougeTokens(hypothesis)
        guard !r.isEmpty, !h.isEmpty else { return 0 }
        var previous = [Int](repeating: 0, count: h.count + 1)
        var row = previous
        for token in r {
            for j in 1...h.count {
                row[j] = token == h[j - 1] ? previous[j - 1] + 1 : max(previous[j], row[j - 1])
            }
            swap(&previous, &row)
        }
        let lcs = Double(previous[h.count])
        let precision = lcs / Double(h.count), recall = lcs / Double(r.count)
        return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    }

    // MARK: chrF

    static let chrFOrder = 6
    static let chrFBeta = 2.0

    /// n-gram counts of one order: in the hypothesis, in the reference, and matched.
    struct ChrFStatistics: Equatable {
        var hypothesis = 0, reference = 0, matched = 0
        mutating func add(_ other: ChrFStatistics) {
            hypothesis += other.hypothesis
            reference += other.reference
            matched += other.matched
        }
    }

    /// Per order 1…6, the character n-gram counts of one pair (whitespace removed first).
    static func chrFStatistics(reference: String, hypothesis: String) -> [ChrFStatistics] {
        let r = Array(reference.unicodeScalars.filter { !$0.properties.isWhitespace })
        let h = Array(hypothesis.unicodeScalars.filter { !$0.properties.isWhitespace })
        return (1...chrFOrder).map { n in
            let referenceGrams = ngrams(r, n), hypothesisGrams = ngrams(h, n)
            let matched = hypothesisGrams.reduce(0) { $0 + min($1.value, referenceGrams[$1.key] ?? 0) }
            return ChrFStatistics(hypothesis: max(0, h.count - n + 1), reference: max(0, r.count - n + 1), matched: matched)
        }
    }

    private static func ngrams(_ scalars: [Unicode.Scalar], _ n: Int) -> [String: Int] {
        guard scalars.count >= n else { return [:] }
        var counts: [String: Int] = [:]
        for start in 0...(scalars.count - n) {
            var gram = String.UnicodeScalarView()
            gram.append(contentsOf: scalars[start..<(start + n)])
            counts[String(gram), default: 0] += 1
        }
        return counts
    }

    /// sacrebleu's corpus chrF from summed statistics: precision and recall averaged over the
    /// orders both sides have, then F-β.
    static func chrF(_ statistics: [ChrFStatistics]) -> Double {
        var precision = 0.0, recall = 0.0, orders = 0
        for s in statistics where s.hypothesis > 0 && s.reference > 0 {
            precision += Double(s.matched) / Double(s.hypothesis)
            recall += Double(s.matched) / Double(s.reference)
            orders += 1
        }
        guard orders > 0 else { return 0 }
        precision /= Double(orders)
        recall /= Double(orders)
        let factor = chrFBeta * chrFBeta
        guard precision + recall > 0 else { return 0 }
        return 100 * (1 + factor) * precision * recall / (factor * precision + recall)
    }
}
