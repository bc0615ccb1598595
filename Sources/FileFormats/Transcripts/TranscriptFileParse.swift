// What reading one transcript file found, in any of the formats: the conversations that read
// cleanly, a problem per thing wrong (file:line), and how many conversations were left out.

/// The result of reading one transcript file without stopping at the first problem.
public struct TranscriptFileParse: Sendable {
    /// The conversations without problems, in file order.
    public var transcripts: [Transcript] = []
    /// Every problem found, with file and line.
    public var problems: [FileFormatError.Problem] = []
    /// Conversations left out because of a problem (for JSON Lines: lines).
    public var skipped = 0

    /// An empty result.
    public init() {}
}
