// The mean silhouette of a clustering under cosine distance (1 − similarity), as scikit-learn's
// `silhouette_score(metric="cosine")` (an item alone in its cluster scores 0), and the choice of
// the number of clusters that maximises it over a grid of cuts of a dendrogram.
import Foundation

/// Silhouette scores and the cluster count they choose.
package enum Silhouette {
    /// The mean silhouette of `labels` (0..<k) given an n × n row-major cosine similarity matrix.
    package static func score(labels: [Int], similarities: [Float]) -> Double {
        let n = labels.count
        let k = (labels.max() ?? -1) + 1
        guard n > 1, k > 1, k < n else { return 0 }
        var sizes = [Int](repeating: 0, count: k)
        for label in labels { sizes[label] += 1 }
        var total = 0.0
        var sums = [Double](repeating: 0, count: k)
        similarities.withUnsafeBufferPointer { s in
            for i in 0..<n {
                for c in 0..<k { sums[c] = 0 }
                for j in 0..<n where j != i { sums[labels[j]] += Double(1 - s[i * n + j]) }
                let own = labels[i]
                guard sizes[own] > 1 else { continue }
                let a = sums[own] / Double(sizes[own] - 1)
                var b = Double.infinity
                for c in 0..<k where c != own && sizes[c] > 0 { b = min(b, sums[c] / Double(sizes[c])) }
                let denominator = max(a, b)
                if denominator > 0 { total += (b - a) / denominator }
            }
        }
        return total / Double(n)
    }

    /// The cut of `tree` with the best silhouette among about `steps` cluster counts spread
    /// geometrically over 2…`maximum` (clamped to the number of items − 1).
    package static func bestCut(of tree: WardClustering, similarities: [Float], maximum: Int, steps: Int = 24)
        -> (clusters: Int, labels: [Int], score: Double) {
        let upper = min(maximum, tree.count - 1)
        guard upper >= 2 else { return (1, [Int](repeating: 0, count: tree.count), 0) }
        var candidates: Set<Int> = [2, upper]
        let ratio = pow(Double(upper) / 2, 1 / Double(max(1, steps - 1)))
        var value = 2.0
        for _ in 0..<steps {
            candidates.insert(min(upper, max(2, Int(value.rounded()))))
            value *= ratio
        }
        var best = (clusters: 1, labels: [Int](repeating: 0, count: tree.count), score: -Double.infinity)
        for k in candidates.sorted() {
            let labels = tree.labels(clusters: k)
            let score = score(labels: labels, similarities: similarities)
            if score > best.score { best = (k, labels, score) }
        }
        return best
    }
}
