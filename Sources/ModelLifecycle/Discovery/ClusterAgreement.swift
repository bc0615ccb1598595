// How well a clustering agrees with known labels: the adjusted Rand index and normalised mutual
// information (arithmetic mean of the entropies), as scikit-learn's `adjusted_rand_score` and
// `normalized_mutual_info_score` compute them, special cases included.
import Foundation

/// Agreement between two labellings of the same items.
public enum ClusterAgreement {
    /// The adjusted Rand index of `predicted` against `truth` (1: the same partition; about 0:
    /// chance; negative: worse than chance). Both arrays must have the same length.
    public static func adjustedRandIndex<A: Hashable, B: Hashable>(_ truth: [A], _ predicted: [B]) -> Double {
        let table = Contingency(truth, predicted)
        let n = Double(truth.count)
        let pairs = { (x: Double) in x * (x - 1) / 2 }
        let index = table.cells.values.reduce(0) { $0 + pairs(Double($1)) }
        let rows = table.rows.values.reduce(0) { $0 + pairs(Double($1)) }
        let columns = table.columns.values.reduce(0) { $0 + pairs(Double($1)) }
        // One cluster on both sides, or every item alone on both sides: the partitions agree.
        if table.rows.count == table.columns.count, table.rows.count <= 1 || table.rows.count == truth.count {
            return 1
        }
        let expected = n < 2 ? 0 : rows * columns / pairs(n)
        let maximum = (rows + columns) / 2
        guard maximum != expected else { return 1 }
        return (index - expected) / (maximum - expected)
    }

    /// The mutual information of the two labellings divided by the mean of their entropies
    /// (0: independent; 1: the same partition).
    public static func normalizedMutualInformation<A: Hashable, B: Hashable>(_ truth: [A], _ predicted: [B]) -> Double {
        let table = Contingency(truth, predicted)
        // One cluster on both sides (or nothing to compare): the partitions agree.
        if table.rows.count == table.columns.count, table.rows.count <= 1 { return 1 }
        let n = Double(truth.count)
        func entropy(_ counts: Dictionary<some Hashable, Int>.Values) -> Double {
            counts.reduce(0) { sum, count in
                let p = Double(count) / n
                return sum - p * log(p)
            }
        }
        var information = 0.0
        for (key, count) in table.cells {
            let joint = Double(count)
            let row = Double(table.rows[key.row] ?? 1), column = Double(table.columns[key.column] ?? 1)
            information += joint / n * log(n * joint / (row * column))
        }
        let mean = (entropy(table.rows.values) + entropy(table.columns.values)) / 2
        guard mean > 0 else { return 0 }
        return max(0, information / mean)
    }

    /// Counts per (truth, predicted) pair and per label on each side.
    private struct Contingency<A: Hashable, B: Hashable> {
        struct Key: Hashable {
            var row: A
            var column: B
        }

        var cells: [Key: Int] = [:]
        var rows: [A: Int] = [:]
        var columns: [B: Int] = [:]

        init(_ truth: [A], _ predicted: [B]) {
            for (a, b) in zip(truth, predicted) {
                cells[Key(row: a, column: b), default: 0] += 1
                rows[a, default: 0] += 1
                columns[b, default: 0] += 1
            }
        }
    }
}
