// The order of training batches for one epoch: a seeded shuffle, then sorting by length inside
// windows of 16 batches (less padding), then a shuffle of the batches themselves.
import TensorCore

/// Batches of example indices for one epoch.
enum BatchPlan {
    /// Index batches over `lengths` (sequence length per example) for `seed`.
    static func batches(lengths: [Int], batchSize: Int, seed: UInt64) -> [[Int]] {
        var generator = SeededGenerator(seed: seed)
        var order = Array(lengths.indices)
        order.shuffle(using: &generator)
        let window = batchSize * 16
        var batches: [[Int]] = []
        var start = 0
        while start < order.count {
            let chunk = order[start..<min(order.count, start + window)].sorted { lengths[$0] < lengths[$1] || (lengths[$0] == lengths[$1] && $0 < $1) }
            var offset = 0
            while offset < chunk.count {
                batches.append(Array(chunk[offset..<min(chunk.count, offset + batchSize)]))
                offset += batchSize
            }
            start += window
        }
        batches.shuffle(using: &generator)
        return batches
    }
}
