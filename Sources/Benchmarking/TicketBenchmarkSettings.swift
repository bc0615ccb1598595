// The `tickets` suite's settings, the `chatbot bench` flags: the ticket file and its label
// column, the model, the job counts, and the database for the queue run.

/// What the `tickets` suite measures on.
public struct TicketBenchmarkSettings: Sendable {
    /// A labelled CSV to answer as tickets (default: Banking77's test.csv under ../shared/data).
    public var dataFile: String?
    /// The label column scored against (default category).
    public var labelColumn = "category"
    /// The model folder (default: the active version in models/).
    public var modelDirectory: String?
    /// The `--jobs` values measured for the ticket file.
    public var jobs = [1, 2]
    /// Workers of the queue run.
    public var queueWorkers = 2
    /// The queue's database URL (PostgreSQL); nil uses a temporary SQLite file.
    public var databaseURL: String?

    /// The defaults.
    public init() {}
}
