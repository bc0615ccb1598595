// Where a fine-tuning run's new conversations come from: transcript files (any of the three
// formats `TranscriptReader` reads) and the store.
import ConversationStorage
import FileFormats
import Foundation

/// Transcript files and, optionally, the conversations of a store.
public struct FineTuneSources: Sendable {
    /// Transcript files (JSON Lines, plain-text logs, CSV exports) or folders of them.
    public var transcripts: [String]
    /// How the transcript files are read (format, speaker names, CSV columns).
    public var readOptions: TranscriptReadOptions
    /// The store to read conversations and feedback from (nil: not from the store).
    public var store: (any ConversationStore)?
    /// Only conversations started at or after this time (nil: all).
    public var since: Date?

    /// Sources as given.
    public init(transcripts: [String] = [], readOptions: TranscriptReadOptions = TranscriptReadOptions(),
                store: (any ConversationStore)? = nil, since: Date? = nil) {
        self.transcripts = transcripts
        self.readOptions = readOptions
        self.store = store
        self.since = since
    }

    /// Every source as `kind:where`, for the training record.
    public var described: [String] {
        transcripts.map { "transcripts:\($0)" }
            + (store == nil ? [] : ["store:" + (since.map { "since \(ISO8601DateFormatter().string(from: $0))" } ?? "all")])
    }

    /// The transcript files' conversations.
    public func readTranscripts() throws -> [Transcript] {
        transcripts.isEmpty ? [] : try TranscriptReader.read(paths: transcripts, options: readOptions)
    }

    /// The conversations discovery reads: the transcript files' and, with a store, the stored
    /// ones as transcripts (the bot's readings marked `predicted`, so their turns count as unlabelled).
    public func discoveryTranscripts() throws -> [Transcript] {
        var all = try readTranscripts()
        if let store { all += try TranscriptExporter(store: store, includeFeedback: true).transcripts(since: since).transcripts }
        return all
    }

    /// The exchanges of every source, transcripts first; with `judge`, each reply carries the
    /// implicit feedback of the customer's next turn.
    public func exchanges(judge: ImplicitFeedback? = nil) throws -> [Exchange] {
        var all = Exchange.exchanges(of: try readTranscripts(), judge: judge)
        if let store { all += try Exchange.exchanges(in: store, since: since, judge: judge) }
        return all
    }
}
