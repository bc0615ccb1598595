// k-means over TF-IDF vectors, the peer our clustering is measured against (as scikit-learn's
// `KMeans` on L2-normalised TF-IDF): k-means++ seeding, Lloyd iterations until no item moves,
// the run with the lowest inertia of several seeded restarts.
import LanguageModeling
import TensorCore

/// Euclidean k-means of sparse unit vectors with dense centroids.
package struct KMeansClustering: Sendable {
    /// The number of clusters.
    package var clusters: Int
    /// Restarts from different seeds; the lowest inertia wins.
    package var restarts = 10
    /// The most Lloyd iterations of one run.
    package var maxIterations = 100
    /// The seed of the first run (run r uses seed + r).
    package var seed: UInt64 = 0

    /// A k-means with `clusters` clusters and the defaults.
    package init(clusters: Int, seed: UInt64 = 0) {
        self.clusters = clusters
        self.seed = seed
    }

    /// Cluster labels 0..<k for every vector, and the inertia (sum of squared distances to centroids).
    package func fit(_ data: TextVectors) -> (labels: [Int], inertia: Double) {
        let k = max(1, min(clusters, data.count))
        guard data.count > 0 else { return ([], 0) }
        var best: (labels: [Int], inertia: Double) = ([], .infinity)
        for run in 0..<max(1, restarts) {
            let result = lloyd(data, k: k, seed: seed &+ UInt64(run))
            if result.inertia < best.inertia { best = result }
        }
        return best
    }

    /// Lloyd iterations starting from the clusters `labels` (0..<k) give, e.g. a cut of a
    /// dendrogram; returns the refined labels renumbered 0..<k' by first item (empty clusters dropped).
    package func refine(_ data: TextVectors, labels start: [Int]) -> [Int] {
        let k = (start.max() ?? -1) + 1
        guard k > 0 else { return start }
        let centroids = means(data, labels: start, k: k, previous: [Float](repeating: 0, count: k * data.dimension))
        var numbering: [Int: Int] = [:]
        return lloyd(data, k: k, centroids: centroids, labels: start).labels.map { label in
            if let number = numbering[label] { return number }
            numbering[label] = numbering.count
            return numbering.count - 1
        }
    }

    private func lloyd(_ data: TextVectors, k: Int, seed: UInt64) -> (labels: [Int], inertia: Double) {
        let dimension = data.dimension
        var centroids = [Float](repeating: 0, count: k * dimension)
        for (c, item) in seeds(data, k: k, seed: seed).enumerated() {
            for (index, value) in zip(data.vectors[item].indices, data.vectors[item].values) { centroids[c * dimension + Int(index)] = value }
        }
        return lloyd(data, k: k, centroids: centroids, labels: [Int](repeating: -1, count: data.count))
    }

    private func lloyd(_ data: TextVectors, k: Int, centroids initialCentroids: [Float], labels initialLabels: [Int])
        -> (labels: [Int], inertia: Double) {
        let (n, dimension) = (data.count, data.dimension)
        var centroids = initialCentroids
        var labels = initialLabels
        var inertia = 0.0
        for _ in 0..<maxIterations {
            var norms = [Float](repeating: 0, count: k)
            centroids.withUnsafeBufferPointer { cs in
                for c in 0..<k { norms[c] = cs[(c * dimension)..<((c + 1) * dimension)].reduce(0) { $0 + $1 * $1 } }
            }
            var moved = 0
            inertia = 0
            centroids.withUnsafeBufferPointer { cs in
                for i in 0..<n {
                    let x = data.vectors[i]
                    let self2 = x.values.reduce(0) { $0 + $1 * $1 }
                    var (bestCluster, bestDistance) = (0, Float.infinity)
                    for c in 0..<k {
                        let distance = self2 - 2 * TextVectors.dot(x, dense: cs, offset: c * dimension) + norms[c]
                        if distance < bestDistance { (bestCluster, bestDistance) = (c, distance) }
                    }
                    if labels[i] != bestCluster { moved += 1 }
                    labels[i] = bestCluster
                    inertia += Double(max(0, bestDistance))
                }
            }
            if moved == 0 { break }
            centroids = means(data, labels: labels, k: k, previous: centroids)
        }
        return (labels, inertia)
    }

    /// The mean of each cluster's vectors (an emptied cluster keeps its centroid).
    private func means(_ data: TextVectors, labels: [Int], k: Int, previous: [Float]) -> [Float] {
        let dimension = data.dimension
        var sums = [Float](repeating: 0, count: k * dimension)
        var sizes = [Int](repeating: 0, count: k)
        for (vector, label) in zip(data.vectors, labels) {
            sizes[label] += 1
            for (index, value) in zip(vector.indices, vector.values) { sums[label * dimension + Int(index)] += value }
        }
        for c in 0..<k {
            let range = (c * dimension)..<((c + 1) * dimension)
            if sizes[c] == 0 {
                sums.replaceSubrange(range, with: previous[range])
            } else {
                let scale = 1 / Float(sizes[c])
                for index in range { sums[index] *= scale }
            }
        }
        return sums
    }

    /// k-means++: the first centre at random, each next one with probability ∝ squared distance to the nearest chosen.
    private func seeds(_ data: TextVectors, k: Int, seed: UInt64) -> [Int] {
        var generator = SeededGenerator(seed: seed)
        let n = data.count
        var chosen = [Int.random(in: 0..<n, using: &generator)]
        let squares = data.vectors.map { $0.values.reduce(0) { $0 + $1 * $1 } }
        func distance(_ i: Int, _ j: Int) -> Float { max(0, squares[i] + squares[j] - 2 * TextVectors.dot(data.vectors[i], data.vectors[j])) }
        var nearest = (0..<n).map { distance($0, chosen[0]) }
        while chosen.count < k {
            let total = nearest.reduce(0, +)
            var pick = Int.random(in: 0..<n, using: &generator)
            if total > 0 {
                var target = Float.random(in: 0..<total, using: &generator)
                pick = n - 1
                for (i, value) in nearest.enumerated() {
                    target -= value
                    if target < 0 {
                        pick = i
                        break
                    }
                }
            }
            chosen.append(pick)
            for i in 0..<n { nearest[i] = min(nearest[i], distance(i, pick)) }
        }
        return chosen
    }
}
