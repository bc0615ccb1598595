// Batch encoding over several threads: the texts are cut into one contiguous chunk per thread,
// each with its own copy of the shared pre-token cache, so no locks are taken in the loop.
import Dispatch
import Synchronization

extension Tokenizer {
    /// Ids of every text, computed on `threads` threads (default: both cores).
    public func encodeBatch(_ texts: [String], threads: Int = 2,
                            addedTokens policy: AddedTokenPolicy = .recognize) -> [[Int32]] {
        let threads = max(1, min(threads, texts.count))
        let seed = cache.mutex.withLock { state in state }
        var results = [[Int32]](repeating: [], count: texts.count)
        var finalStates = [EncoderState](repeating: seed, count: threads)
        results.withUnsafeMutableBufferPointer { output in
            finalStates.withUnsafeMutableBufferPointer { states in
                let output = SendableBuffer(buffer: output), states = SendableBuffer(buffer: states)
                let work: @Sendable (Int) -> Void = { chunk in
                    var state = seed
                    let lower = texts.count * chunk / threads, upper = texts.count * (chunk + 1) / threads
                    for index in lower..<upper {
                        var ids: [Int32] = []
                        var text = texts[index]
                        text.withUTF8 { encode($0, policy: policy, state: &state, into: &ids) }
                        output.buffer[index] = ids
                    }
                    states.buffer[chunk] = state
                }
                if threads == 1 {
                    work(0)
                } else {
                    DispatchQueue.concurrentPerform(iterations: threads, execute: work)
                }
            }
        }
        // Keep the warmer cache for later calls (skipped if another thread is encoding).
        let warmed = finalStates[0]
        _ = cache.mutex.withLockIfAvailable { state in
            if warmed.cachedWordCount > state.cachedWordCount { state = warmed }
        }
        return results
    }
}

/// A buffer whose disjoint parts are written by different threads.
struct SendableBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
}
