// The clustering of customer texts, in one place for `propose-intents` and the benchmark: ours
// (Ward's agglomerative clustering of unit TF-IDF n-gram vectors, cut at k clusters or at the
// cut with the best silhouette, then refined by k-means iterations from that cut) and the peer
// (k-means from k-means++ seeds on the same vectors).

/// Clusters short customer texts.
public enum IntentClustering {
    /// A clustering of texts.
    public struct Result: Sendable {
        /// A cluster label 0..<clusters per text (numbered by first text).
        public var labels: [Int]
        /// The number of clusters.
        public var clusters: Int
        /// The mean cosine silhouette, when the number of clusters was chosen by it.
        public var silhouette: Double?
        /// The texts' cosine similarities, n × n row-major.
        package var similarities: [Float]
    }

    /// Ward clustering of `texts` into `clusters` clusters, or (nil) into the number between 2
    /// and n / `minimumSize` whose cut has the best silhouette; the cut is then refined by
    /// k-means iterations started from it.
    public static func cluster(_ texts: [String], clusters: Int?, minimumSize: Int = 1) -> Result {
        let vectors = TextVectors(texts)
        let similarities = vectors.similarities()
        let tree = WardClustering(similarities: similarities, count: texts.count)
        var labels: [Int]
        var silhouette: Double?
        if let clusters {
            labels = tree.labels(clusters: clusters)
        } else {
            let best = Silhouette.bestCut(of: tree, similarities: similarities, maximum: max(2, texts.count / max(1, minimumSize)))
            labels = best.labels
            silhouette = best.score
        }
        labels = KMeansClustering(clusters: (labels.max() ?? 0) + 1).refine(vectors, labels: labels)
        return Result(labels: labels, clusters: (labels.max() ?? -1) + 1, silhouette: silhouette, similarities: similarities)
    }

    /// The peer: k-means (k-means++ seeding, `restarts` seeded runs, lowest inertia) of the same vectors.
    public static func kMeansLabels(_ texts: [String], clusters: Int, restarts: Int = 10, seed: UInt64 = 0) -> [Int] {
        var kMeans = KMeansClustering(clusters: clusters, seed: seed)
        kMeans.restarts = restarts
        return kMeans.fit(TextVectors(texts)).labels
    }
}
