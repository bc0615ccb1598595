// Splitting a loop between threads: the element-wise passes (softmax cross-entropy, GELU,
// LayerNorm, AdamW) and attention's per-head products run on as many threads as BLAS is set
// to use, in contiguous chunks, when there is enough work to pay for the hand-off (~10 µs).
import Dispatch

/// Contiguous chunks of a loop run on up to `BLAS.threadCount` threads.
public enum Parallel {
    /// Calls `body` once per chunk of `0..<count`, each chunk a contiguous range; chunks run at
    /// the same time on up to `BLAS.threadCount` threads, each getting at least `minimumChunk`
    /// items (one chunk, on the caller's thread, when `count` is below twice that). `body` gets
    /// the chunk's index (0..<chunks) and range; it must only write what its range owns.
    ///
    /// - Returns: The number of chunks (for callers that keep one partial result per chunk).
    @discardableResult
    public static func forEachChunk(_ count: Int, minimumChunk: Int, _ body: (Int, Range<Int>) -> Void) -> Int {
        let chunks = chunkCount(count, minimumChunk: minimumChunk)
        if chunks <= 1 {
            if count > 0 { body(0, 0..<count) }
            return 1
        }
        // The chunks write disjoint ranges (the caller's contract), so sharing `body` is safe.
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let work = body
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                work(chunk, (count * chunk / chunks)..<(count * (chunk + 1) / chunks))
            }
        }
        return chunks
    }

    /// How many chunks `forEachChunk` makes of `count` items.
    public static func chunkCount(_ count: Int, minimumChunk: Int) -> Int {
        max(1, min(BLAS.threadCount, count / max(1, minimumChunk)))
    }
}
