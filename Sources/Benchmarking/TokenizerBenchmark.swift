// Tokenizer speed in-process: BPE training time, encode MB/s and tokens/s (batch and one text
// at a time) and decode MB/s, at 1 and 2 threads, on the shared benchmark corpus.
import Foundation
import Primitives
import Tokenization

/// Measures the Tokenization module on the texts of `BenchmarkCorpus`.
public struct TokenizerBenchmark: Sendable {
    /// Vocabulary size to train (the peer uses 8,000).
    public var vocabularySize = 8_000
    /// Thread counts to measure at.
    public var threadCounts = [1, 2]
    /// Timed repetitions per figure (the median is reported).
    public var runs = 3
    /// Use only this many texts (nil: all).
    public var textLimit: Int?
    /// The data folder of `*.csv` texts; nil: `BenchmarkInputs.locateData()`.
    public var dataDirectory: String?

    /// The full run, or with `quick` one repetition on the first 2,000 texts.
    public init(quick: Bool = false) {
        if quick {
            runs = 1
            textLimit = 2_000
        }
    }

    /// Runs every measurement; empty (with a note on stderr) when the data is absent.
    public func run() -> [BenchmarkRecord] {
        let loaded: BenchmarkCorpus?
        do {
            loaded = try BenchmarkCorpus.load(from: dataDirectory)
        } catch {
            FileHandle.standardError.write(Data("tokenizer: unreadable benchmark data; skipped\n\(error)\n".utf8))
            return []
        }
        guard var corpus = loaded else {
            FileHandle.standardError.write(Data(
                "tokenizer: no benchmark data (give --data-dir; looked in ../shared/data, shared/data); skipped\n".utf8))
            return []
        }
        if let textLimit { corpus.texts = Array(corpus.texts.prefix(textLimit)) }
        let megabytes = Double(corpus.byteCount) / 1e6
        var records = [BenchmarkRecord(name: "tokenizer.corpus.size", value: megabytes, unit: "MB")]
        var tokenizer: Tokenizer?
        for threads in threadCounts {
            var configuration = BPETrainer.Configuration()
            configuration.vocabularySize = vocabularySize
            configuration.threads = threads
            let seconds = median { tokenizer = try? BPETrainer(configuration: configuration).train(texts: corpus.texts) }
            records.append(BenchmarkRecord(name: "tokenizer.train.threads\(threads)", value: seconds, unit: "s"))
        }
        guard let tokenizer else { return records }
        var tokenCount = 0
        for threads in threadCounts {
            let seconds = median { tokenCount = tokenizer.encodeBatch(corpus.texts, threads: threads).reduce(0) { $0 + $1.count } }
            records.append(BenchmarkRecord(name: "tokenizer.encode_batch.threads\(threads)", value: megabytes / seconds, unit: "MB/s"))
            records.append(BenchmarkRecord(name: "tokenizer.encode_batch.threads\(threads).tokens", value: Double(tokenCount) / seconds, unit: "tokens/s"))
        }
        var encoded: [[Int]] = []
        let single = median { encoded = corpus.texts.map { tokenizer.encode($0) } }
        records.append(BenchmarkRecord(name: "tokenizer.encode_one.threads1", value: megabytes / single, unit: "MB/s"))
        records.append(BenchmarkRecord(name: "tokenizer.encode_one.threads1.tokens", value: Double(tokenCount) / single, unit: "tokens/s"))
        let decode = median { for ids in encoded { _ = tokenizer.decode(ids) } }
        records.append(BenchmarkRecord(name: "tokenizer.decode_one.threads1", value: megabytes / decode, unit: "MB/s"))
        return records
    }

    /// Median seconds of `runs` calls (after none: the first call is timed too, as training warms nothing).
    private func median(_ body: () -> Void) -> Double {
        Stopwatch.samples(warmUp: 0, runs: runs, body).median
    }
}
