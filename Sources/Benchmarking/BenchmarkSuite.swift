// The named groups of measurements that `chatbot bench --suite` selects.
import Foundation

/// A group of related benchmark figures.
public enum BenchmarkSuite: String, CaseIterable, Sendable {
    /// sgemm GFLOP/s (square and transformer shapes) against the machine's peak.
    case gemm
    /// One TransformerBlock's forward + backward at d=256, 4 heads, seq 32, batch 64.
    case block
    /// Conversation store turn inserts/s (1 and 8 writers) and 50-turn read latency, SQLite and PostgreSQL.
    case store
    /// Tokenizer training time, encode and decode throughput on ../shared/data.
    case tokenizer
    /// Lexicon sentiment analyser throughput (messages/s, MB/s) on one core.
    case sentiment
    /// Dialogue turn latency p50/p99: analysis only, and a whole turn into SQLite (needs `intents/`).
    case chat
    /// Hand-offs and intent accuracy with and without context on the demo transcripts (needs a model).
    case dialogue
    /// ChatModel on Banking77 (both trunks, sparse features on/off) and the demo domain.
    case intents
    /// Reading a synthetic mbox with `MailReader`: messages/s, MB/s, resident memory while reading.
    case mail
    /// `chatbot answer` tickets/s (jobs, generated replies, the queue) and answer accuracy (needs a model).
    case tickets
    /// Fine-tuning a 60-intent Banking77 model on the other 17 against retraining on all 77.
    case finetune
    /// The pretrained encoder: WordPiece speed, embedding latency, Banking77 few-shot, demo, airline sentiment.
    case encoder
    /// Clustering of labelled messages with hidden labels: ours (Ward over TF-IDF) vs TF-IDF + k-means, ARI/NMI.
    case clustering
    /// Generated replies through the ticket path on held-out data with replies: ROUGE-L, chrF, share generated, replies/s (needs a model);
    /// without held-out files, the share of generated replies in the demo chat over the intents' examples.
    case replies
    /// Int8 against Float32 weights of a trained model: checkpoint size, load time, batch-1 latency.
    case quantize
    /// `chatbot serve` on loopback: turns/s and p50/p99 at 1, 16, 64 conversations, 1 and 2 replicas (needs a model).
    case serve
    /// Training steps of the chat network at the PyTorch peer's shapes (d128×2, d256×4; batch 64 × seq 32): tokens/s.
    case training
    /// Batch-1 classification latency and KV-cache generation ms/token of the chat network at the peer's shapes.
    case inference

    /// The suites a plain `chatbot bench` runs: all but `intents` and `finetune`, which train models
    /// for 20+ minutes, `tickets`, `replies`, `quantize` and `serve`, which need a trained model, `encoder`,
    /// which needs the encoder (scripts/get-encoder), and `clustering`, whose k-means peer takes
    /// minutes.
    public static var defaultSuites: [BenchmarkSuite] {
        allCases.filter { ![.intents, .finetune, .tickets, .encoder, .clustering, .replies, .quantize, .serve].contains($0) }
    }

    /// Runs the suite with `settings` (its inputs and the suite's own settings) and returns its figures.
    public func run(quick: Bool, settings: BenchmarkSettings = BenchmarkSettings()) -> [BenchmarkRecord] {
        let inputs = settings.inputs
        switch self {
        case .gemm: return GEMMBenchmark(quick: quick).run()
        case .block: return TransformerBlockBenchmark(quick: quick).run()
        case .store: return StoreBenchmark(quick: quick).run()
        case .tokenizer:
            var bench = TokenizerBenchmark(quick: quick)
            bench.dataDirectory = inputs.dataDirectory
            return bench.run()
        case .sentiment: return SentimentBenchmark(quick: quick).run()
        case .intents:
            var intents = settings.intents
            intents.dataDirectory = intents.dataDirectory ?? inputs.dataDirectory
            return IntentBenchmark(quick: quick, settings: intents).run()
        case .chat:
            var bench = ChatBenchmark(quick: quick)
            bench.intentsDirectory = inputs.intentsDirectory
            return bench.run()
        case .dialogue:
            var bench = DialogueBenchmark(quick: quick)
            bench.inputs = inputs
            return bench.run()
        case .mail: return MailBenchmark(quick: quick, megabytes: settings.mboxMegabytes).run()
        case .tickets:
            var tickets = settings.tickets
            tickets.modelDirectory = tickets.modelDirectory ?? inputs.modelFolder()?.path
            tickets.dataFile = tickets.dataFile ?? inputs.locateData().map { $0 + "/banking77/test.csv" }
            return TicketBenchmark(quick: quick, settings: tickets).run()
        case .finetune:
            var fineTune = settings.fineTune
            fineTune.dataDirectory = fineTune.dataDirectory ?? inputs.dataDirectory
            return FineTuneBenchmark(quick: quick, settings: fineTune).run()
        case .encoder:
            var intents = settings.intents
            intents.dataDirectory = intents.dataDirectory ?? inputs.dataDirectory
            return EncoderBenchmark(quick: quick, settings: intents).run()
        case .clustering:
            var clustering = settings.clustering
            clustering.dataFile = clustering.dataFile ?? inputs.locateData().map { $0 + "/banking77/test.csv" }
            return ClusteringBenchmark(quick: quick, settings: clustering).run()
        case .replies:
            var replies = settings.replies
            replies.modelDirectory = replies.modelDirectory ?? inputs.modelFolder()?.path
            replies.intentsDirectory = inputs.intentsDirectory
            return ReplyBenchmark(quick: quick, settings: replies).run()
        case .quantize:
            var bench = QuantizationBenchmark(quick: quick)
            bench.modelDirectory = inputs.modelFolder()
            return bench.run()
        case .serve: return ServeBenchmark(quick: quick, settings: settings.serve, inputs: inputs).run()
        case .training: return TrainingThroughputBenchmark(quick: quick, settings: settings.network).run()
        case .inference: return InferenceLatencyBenchmark(quick: quick, settings: settings.network).run()
        }
    }
}
