// Everything `chatbot bench` passes to the suites: where they read and each suite's own settings.

/// The inputs and per-suite settings of one `chatbot bench` run.
public struct BenchmarkSettings: Sendable {
    /// The folders the suites read.
    public var inputs = BenchmarkInputs()
    /// The `intents` and `encoder` suites' training and scoring settings.
    public var intents = IntentBenchmarkSettings()
    /// The `tickets` suite's data, jobs and queue database.
    public var tickets = TicketBenchmarkSettings()
    /// The `finetune` suite's work folder and fine-tuning settings.
    public var fineTune = FineTuneBenchmarkSettings()
    /// The size of the `mail` suite's synthetic mbox; nil: the suite's default.
    public var mboxMegabytes: Int?
    /// The `clustering` suite's labelled file and intent subset.
    public var clustering = ClusteringBenchmarkSettings()
    /// The `replies` suite's training and held-out files and where the answers go.
    public var replies = ReplyBenchmarkSettings()
    /// The `serve` suite's loads, replicas and PostgreSQL.
    public var serve = ServeBenchmarkSettings()
    /// The `training` and `inference` suites' shapes and threads.
    public var network = NetworkBenchmarkSettings()

    /// The defaults.
    public init() {}
}
