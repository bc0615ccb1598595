// Agglomerative clustering with Ward's linkage over unit vectors (squared Euclidean distance
// 2 − 2·cosine), built with the nearest-neighbour chain in O(n²) time and one n × n matrix, then
// cut into k clusters. The project's clustering of unknown customer turns (docs/ARCHITECTURE.md).

/// A Ward dendrogram of n items and its cuts.
package struct WardClustering: Sendable {
    /// One merge: the two items that represented the merged clusters, and the Ward distance.
    package struct Merge: Sendable, Hashable {
        package var first: Int
        package var second: Int
        package var height: Float
    }

    /// The number of items.
    package let count: Int
    /// The n − 1 merges, lowest first.
    package let merges: [Merge]

    /// Builds the dendrogram from an n × n row-major cosine similarity matrix.
    package init(similarities: [Float], count n: Int) {
        count = n
        guard n > 1 else {
            merges = []
            return
        }
        var distance = similarities.map { max(0, 2 - 2 * $0) }
        var size = [Float](repeating: 1, count: n)
        var active = [Bool](repeating: true, count: n)
        var activeCount = n
        var chain: [Int] = []
        var found: [Merge] = []
        found.reserveCapacity(n - 1)
        distance.withUnsafeMutableBufferPointer { d in
            while activeCount > 1 {
                if chain.isEmpty, let start = active.firstIndex(of: true) { chain.append(start) }
                guard let a = chain.last else { break }
                let previous = chain.count >= 2 ? chain[chain.count - 2] : -1
                // The nearest active neighbour of a, preferring the previous link on ties (no cycles).
                var best = previous
                var bestDistance = previous >= 0 ? d[a * n + previous] : Float.infinity
                for c in 0..<n where active[c] && c != a {
                    let value = d[a * n + c]
                    if value < bestDistance {
                        best = c
                        bestDistance = value
                    }
                }
                guard best >= 0 else { break }
                if best == previous {
                    chain.removeLast(2)
                    found.append(Merge(first: a, second: best, height: bestDistance))
                    Self.merge(into: a, from: best, distance: d, size: &size, active: active, n: n)
                    active[best] = false
                    activeCount -= 1
                } else {
                    chain.append(best)
                }
            }
        }
        merges = found.sorted { $0.height < $1.height }
    }

    /// Lance–Williams update for Ward: the distance of every active cluster k to a ∪ b, kept in row and column a.
    private static func merge(into a: Int, from b: Int, distance d: UnsafeMutableBufferPointer<Float>,
                              size: inout [Float], active: [Bool], n: Int) {
        let (sa, sb) = (size[a], size[b])
        let dab = d[a * n + b]
        for k in 0..<n where active[k] && k != a && k != b {
            let sk = size[k]
            let value = ((sa + sk) * d[a * n + k] + (sb + sk) * d[b * n + k] - sk * dab) / (sa + sb + sk)
            d[a * n + k] = value
            d[k * n + a] = value
        }
        size[a] = sa + sb
    }

    /// Cluster labels 0..<k for every item (labels numbered by first item), cutting the tree into
    /// `k` clusters (clamped to 1…count).
    package func labels(clusters k: Int) -> [Int] {
        labels(applying: max(0, count - max(1, min(k, count))))
    }

    /// The labels after the first `mergeCount` merges.
    private func labels(applying mergeCount: Int) -> [Int] {
        var parent = Array(0..<count)
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        for merge in merges.prefix(mergeCount) {
            let (ra, rb) = (root(merge.first), root(merge.second))
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        var numbering: [Int: Int] = [:]
        return (0..<count).map { item in
            let r = root(item)
            if let label = numbering[r] { return label }
            numbering[r] = numbering.count
            return numbering.count - 1
        }
    }
}
