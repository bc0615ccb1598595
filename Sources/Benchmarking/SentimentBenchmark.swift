// Speed of the lexicon sentiment analyser on a fixed synthetic set of customer messages (no
// data set needed): messages per second and megabytes per second on one core.
import Primitives
import Sentiment

/// Measures `LexiconSentimentAnalyser` throughput.
public struct SentimentBenchmark: Sendable {
    /// Copies of the sample messages analysed per timed run.
    public var repeats = 200
    /// Timed runs; the median is reported.
    public var runs = 5

    /// The default settings, or a short smoke-test run.
    public init(quick: Bool = false) {
        if quick {
            repeats = 20
            runs = 2
        }
    }

    /// Short and long customer messages written for this benchmark (not taken from any data set).
    public static let messages = [
        "Hi, I ordered a blue jacket on Monday, when will it arrive?",
        "Still waiting for my refund!!! This is unacceptable 😡",
        "Thanks so much, the agent was really helpful :)",
        "The crew were great but my bag never arrived and nobody answers the phone.",
        "What are your opening hours on Sunday?",
        "I have been on hold for 2 hours, not happy at all. Worst customer service ever.",
        "Not bad, the delivery was a bit late but the product is fine.",
        "CANCELLED AGAIN?? Seriously, I am done with you guys. I want my money back.",
        String(repeating: "My package was supposed to come yesterday, and the tracking page still says pending. ", count: 8),
    ]

    /// Messages per second and MB/s of `analyse`.
    public func run() -> [BenchmarkRecord] {
        let analyser = LexiconSentimentAnalyser()
        let corpus = Array(repeating: Self.messages, count: repeats).flatMap { $0 }
        let bytes = corpus.reduce(0) { $0 + $1.utf8.count }
        var checksum = 0.0
        let samples = Stopwatch.samples(warmUp: 1, runs: runs) {
            for message in corpus { checksum += analyser.analyse(message).score }
        }
        let seconds = samples.median
        guard checksum.isFinite else { return [] }  // uses the results so the work is not optimised away
        return [
            BenchmarkRecord(name: "sentiment.lexicon.messages_per_second", value: Double(corpus.count) / seconds, unit: "messages/s"),
            BenchmarkRecord(name: "sentiment.lexicon.throughput", value: Double(bytes) / seconds / 1e6, unit: "MB/s"),
        ]
    }
}
