// Batch encoding over several threads: the texts are cut into one contiguous chunk per thread,
// each with its own encoder state, so no locks are taken in the loop.
import Dispatch

extension Tokenizer {
    /// Ids of every text, computed on `threads` threads (default: both cores).
    public func encodeBatch(_ texts: [String], threads: Int = 2,
                            addedTokens policy: AddedTokenPolicy = .recognize) -> [[Int32]] {
        let threads = max(1, min(threads, texts.count))
        var results = [[Int32]](repeating: [], count: texts.count)
        results.withUnsafeMutableBufferPointer { output in
            let output = SendableBuffer(buffer: output)
            let work: @Sendable (Int) -> Void = { chunk in
                var state = EncoderState()
                let lower = texts.count * chunk / threads, upper = texts.count * (chunk + 1) / threads
                for index in lower..<upper {
                    var ids: [Int32] = []
                    var text = texts[index]
                    text.withUTF8 { encode($0, policy: policy, state: &state, into: &ids) }
                    output.buffer[index] = ids
                }
            }
            if threads == 1 {
                work(0)
            } else {
                DispatchQueue.concurrentPerform(iterations: threads, execute: work)
            }
        }
        return results
    }
}

/// A buffer whose disjoint parts are written by different threads.
struct SendableBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
}
