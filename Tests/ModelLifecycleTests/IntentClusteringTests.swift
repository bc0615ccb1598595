// Known answers for the clustering pieces: ARI and NMI as scikit-learn computes them, Ward
// merge heights as SciPy's `linkage(method="ward")` (squared), the cosine silhouette as
// `silhouette_score`, and both clusterings recovering obvious groups of texts.
import Foundation
import Testing
import ModelLifecycle

@Test func agreementMatchesScikitLearn() {
    let truth = [0, 0, 0, 1, 1, 1, 2, 2, 2, 2], predicted = [1, 1, 0, 0, 2, 2, 2, 2, 2, 0]
    #expect(abs(ClusterAgreement.adjustedRandIndex(truth, predicted) - 0.1366906474820144) < 1e-12)
    #expect(abs(ClusterAgreement.normalizedMutualInformation(truth, predicted) - 0.3991502288153316) < 1e-12)
    // Renamed labels agree fully; a crossed split is worse than chance; the special cases.
    #expect(ClusterAgreement.adjustedRandIndex(["a", "a", "b", "b"], [1, 1, 0, 0]) == 1)
    #expect(ClusterAgreement.normalizedMutualInformation(["a", "a", "b", "b"], [1, 1, 0, 0]) == 1)
    #expect(abs(ClusterAgreement.adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1]) + 0.5) < 1e-12)
    #expect(ClusterAgreement.normalizedMutualInformation([0, 0, 1, 1], [0, 1, 0, 1]) == 0)
    #expect(ClusterAgreement.adjustedRandIndex([0, 0, 0], [0, 0, 0]) == 1)
    #expect(ClusterAgreement.normalizedMutualInformation([0, 0, 0], [0, 0, 0]) == 1)
    #expect(ClusterAgreement.adjustedRandIndex([0, 1, 2], [0, 0, 0]) == 0)
    #expect(ClusterAgreement.normalizedMutualInformation([0, 1, 2], [0, 0, 0]) == 0)
    #expect(ClusterAgreement.adjustedRandIndex([Int](), [Int]()) == 1)
}

/// Cosine similarities of unit vectors at the given angles (degrees).
private func similarities(degrees: [Double]) -> [Float] {
    degrees.flatMap { a in degrees.map { b in Float(cos((a - b) * .pi / 180)) } }
}

@Test func wardMergeHeightsAndCutsMatchSciPy() {
    let angles: [Double] = [0, 10, 25, 90, 100, 180, 200]
    let tree = WardClustering(similarities: similarities(degrees: angles), count: angles.count)
    let expected = [0.030384493975583876, 0.030384493975583887, 0.12061475842818324, 0.16022701757384775, 4.1603748535203, 7.8927867872608575]
    #expect(tree.merges.count == 6)
    for (merge, height) in zip(tree.merges, expected) { #expect(abs(Double(merge.height) - height) < 1e-4) }
    #expect(tree.labels(clusters: 3) == [0, 0, 0, 1, 1, 2, 2])
    #expect(tree.labels(clusters: 1) == [0, 0, 0, 0, 0, 0, 0])
    #expect(tree.labels(clusters: 99) == [0, 1, 2, 3, 4, 5, 6])
    #expect(WardClustering(similarities: [1], count: 1).labels(clusters: 2) == [0])
    #expect(WardClustering(similarities: [], count: 0).labels(clusters: 2).isEmpty)
}

@Test func silhouetteMatchesScikitLearnAndChoosesTheObviousCut() {
    let angles: [Double] = [0, 10, 25, 90, 100, 180, 200]
    let matrix = similarities(degrees: angles)
    #expect(abs(Silhouette.score(labels: [0, 0, 0, 1, 1, 2, 2], similarities: matrix) - 0.9539213932099361) < 1e-5)
    #expect(abs(Silhouette.score(labels: [0, 0, 1, 1, 1, 2, 2], similarities: matrix) - 0.6087264597603012) < 1e-5)
    #expect(Silhouette.score(labels: [0, 0, 0, 0, 0, 0, 0], similarities: matrix) == 0)
    let best = Silhouette.bestCut(of: WardClustering(similarities: matrix, count: 7), similarities: matrix, maximum: 6)
    #expect(best.clusters == 3 && best.labels == [0, 0, 0, 1, 1, 2, 2])
}

private let groups = [
    ["my gift card balance is wrong", "check gift card balance", "how much is left on my gift card", "gift card balance please",
     "what is the balance of my gift card"],
    ["do my loyalty points expire", "when do loyalty points expire", "loyalty points expired??", "my points expire soon, loyalty",
     "expiry date of loyalty points"],
    ["can i pay with bitcoin 🪙", "do you take bitcoin", "pay in bitcoin please", "bitcoin payment possible?", "bitcoin accepted?"],
]

@Test func bothClusteringsRecoverObviousGroupsOfTexts() {
    let texts = groups.flatMap { $0 }
    let truth = groups.indices.flatMap { group in groups[group].map { _ in group } }
    let ward = IntentClustering.cluster(texts, clusters: 3)
    #expect(ClusterAgreement.adjustedRandIndex(truth, ward.labels) == 1)
    let chosen = IntentClustering.cluster(texts, clusters: nil)
    #expect(chosen.clusters == 3 && (chosen.silhouette ?? 0) > 0.1)
    #expect(ClusterAgreement.adjustedRandIndex(truth, IntentClustering.kMeansLabels(texts, clusters: 3)) == 1)
    // Degenerate input: empty and one-character texts, a single text.
    #expect(IntentClustering.cluster(["", "x", "", "x"], clusters: 2).labels.count == 4)
    #expect(IntentClustering.cluster(["only one"], clusters: nil).labels == [0])
    #expect(IntentClustering.kMeansLabels(["", "a", "b"], clusters: 5).count == 3)
}
