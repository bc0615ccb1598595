// How well unknown customer turns cluster (issue 14): labelled messages whose labels are hidden
// are clustered by our Ward clustering of TF-IDF n-gram vectors and by the TF-IDF + k-means peer,
// both with the true number of intents, in the same run; ARI and NMI against the hidden labels,
// wall time, and our silhouette choice of the number of clusters as `propose-intents` makes it.
import FileFormats
import Foundation
import ModelLifecycle
import Primitives

/// Settings of the `clustering` suite, from `chatbot bench` flags.
public struct ClusteringBenchmarkSettings: Sendable, Hashable {
    /// A labelled CSV or JSON Lines file (text and intent/category/label); `chatbot bench` makes nil
    /// Banking77's test.csv under the data folder.
    public var dataFile: String?
    /// Cluster only the messages of the first N intents (sorted by name); nil: all.
    public var intentCount: Int?

    /// The defaults: all of Banking77's test set.
    public init() {}
}

/// Clustering quality and time, ours against the TF-IDF + k-means peer.
public struct ClusteringBenchmark: Sendable {
    /// The settings.
    public var settings: ClusteringBenchmarkSettings
    /// k-means restarts of the peer (the lowest inertia wins).
    public var restarts = 10

    /// The suite; `quick` clusters the first 10 intents with 2 peer restarts.
    public init(quick: Bool = false, settings: ClusteringBenchmarkSettings = ClusteringBenchmarkSettings()) {
        self.settings = settings
        if quick {
            self.settings.intentCount = min(settings.intentCount ?? 10, 10)
            restarts = 2
        }
    }

    /// The figures; empty (with a note on stderr) when the data cannot be read.
    public func run() -> [BenchmarkRecord] {
        guard let path = settings.dataFile else {
            FileHandle.standardError.write(Data("clustering: no data (give --clustering-data FILE or --data-dir DIR)\n".utf8))
            return []
        }
        let examples: [LabelledExample]
        do {
            examples = try LabelledDataReader.read(contentsOf: URL(fileURLWithPath: path), displayPath: path)
        } catch {
            FileHandle.standardError.write(Data("clustering: \(error)\n".utf8))
            return []
        }
        return measure(examples, name: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
    }

    /// The figures for `examples` (their labels hidden from both clusterings).
    public func measure(_ examples: [LabelledExample], name: String) -> [BenchmarkRecord] {
        let intents = Set(examples.map(\.label)).sorted().prefix(settings.intentCount ?? .max)
        let kept = examples.filter { Set(intents).contains($0.label) }
        let texts = kept.map(\.text), truth = kept.map(\.label)
        let k = intents.count
        guard k >= 2, texts.count > k else { return [] }
        let prefix = "clustering.\(name).intents\(k)"
        var records = [
            BenchmarkRecord(name: "\(prefix).messages", value: Double(texts.count), unit: "messages"),
        ]
        var ours: [Int] = []
        let oursSeconds = Stopwatch.seconds { ours = IntentClustering.cluster(texts, clusters: k).labels }
        var chosen: (labels: [Int], clusters: Int) = ([], 0)
        let chosenSeconds = Stopwatch.seconds {
            let result = IntentClustering.cluster(texts, clusters: nil, minimumSize: IntentDiscovery().minimumSize)
            chosen = (result.labels, result.clusters)
        }
        var peer: [Int] = []
        let peerSeconds = Stopwatch.seconds { peer = IntentClustering.kMeansLabels(texts, clusters: k, restarts: restarts) }
        let oursARI = ClusterAgreement.adjustedRandIndex(truth, ours), peerARI = ClusterAgreement.adjustedRandIndex(truth, peer)
        let oursNMI = ClusterAgreement.normalizedMutualInformation(truth, ours), peerNMI = ClusterAgreement.normalizedMutualInformation(truth, peer)
        records += [
            BenchmarkRecord(name: "\(prefix).ward_tfidf.true_k.ari", value: oursARI, unit: "ARI"),
            BenchmarkRecord(name: "\(prefix).ward_tfidf.true_k.nmi", value: oursNMI, unit: "NMI"),
            BenchmarkRecord(name: "\(prefix).ward_tfidf.true_k.seconds", value: oursSeconds, unit: "s"),
            BenchmarkRecord(name: "\(prefix).kmeans_tfidf_peer.true_k.ari", value: peerARI, unit: "ARI"),
            BenchmarkRecord(name: "\(prefix).kmeans_tfidf_peer.true_k.nmi", value: peerNMI, unit: "NMI"),
            BenchmarkRecord(name: "\(prefix).kmeans_tfidf_peer.true_k.seconds", value: peerSeconds, unit: "s"),
            BenchmarkRecord(name: "\(prefix).kmeans_tfidf_peer.restarts", value: Double(restarts), unit: "runs"),
            BenchmarkRecord(name: "\(prefix).ward_over_peer.ari_ratio", value: oursARI / peerARI, unit: "ratio"),
            BenchmarkRecord(name: "\(prefix).ward_over_peer.nmi_ratio", value: oursNMI / peerNMI, unit: "ratio"),
            BenchmarkRecord(name: "\(prefix).ward_tfidf.silhouette_k.clusters", value: Double(chosen.clusters), unit: "clusters"),
            BenchmarkRecord(name: "\(prefix).ward_tfidf.silhouette_k.ari", value: ClusterAgreement.adjustedRandIndex(truth, chosen.labels), unit: "ARI"),
            BenchmarkRecord(name: "\(prefix).ward_tfidf.silhouette_k.nmi", value: ClusterAgreement.normalizedMutualInformation(truth, chosen.labels), unit: "NMI"),
            BenchmarkRecord(name: "\(prefix).ward_tfidf.silhouette_k.seconds", value: chosenSeconds, unit: "s"),
        ]
        return records
    }
}
