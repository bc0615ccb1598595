// `chatbot transcripts export|import`: moves conversations between the store and transcript
// files (docs/FORMATS.md "Transcripts"): export writes JSON Lines, import reads all three formats.
import ArgumentParser
import ConversationStorage
import FileFormats
import Foundation

/// The `transcripts` command group.
struct TranscriptsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transcripts",
        abstract: "Export stored conversations as transcripts, or import transcript files into the store.",
        subcommands: [TranscriptsExportCommand.self, TranscriptsImportCommand.self])
}

/// `chatbot transcripts export`.
struct TranscriptsExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write stored conversations as transcript JSON Lines (the format training reads).",
        discussion: """
            Imported conversations get their transcript id and channel back; live ones are \
            exported under their UUID. Conversations that cannot be transcripts (e.g. a text \
            with a template placeholder) are left out and counted. Text is exported as stored, so \
            redacted personal data stays a placeholder such as {email}. A one-line summary goes \
            to standard error.
            """)

    @Option(help: ArgumentHelp("Only conversations started at or after this UTC date or ISO 8601 time (2026-03-02 or 2026-03-02T09:14:00Z).",
                               valueName: "DATE"))
    var since: String?

    @Flag(help: "Include reviewers' feedback on agent turns.")
    var withFeedback = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "FILE"))
    var output: String?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if let since, TranscriptExporter.parseSince(since) == nil {
            throw ValidationError("--since must be a date like 2026-03-02 or a time like 2026-03-02T09:14:00Z.")
        }
    }

    func run() throws {
        let exporter = TranscriptExporter(store: try store.open(), includeFeedback: withFeedback)
        let sink = try OutputSink(path: output)
        let summary: TranscriptExporter.Summary
        do {
            summary = try exporter.export(since: since.flatMap(TranscriptExporter.parseSince)) { try sink.write($0 + "\n") }
            try sink.close()
        } catch let error as StorageError {
            throw CommandFailure("export failed: \(error.message)")
        }
        for reason in summary.skipped { standardError("skipped \(reason)") }
        standardError("exported \(summary.conversations) conversations, \(summary.turns) turns, "
                      + "\(summary.feedback) feedback, \(summary.skipped.count) skipped")
    }
}

/// `chatbot transcripts import`.
struct TranscriptsImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Store transcript files (JSON Lines, plain text or CSV) as conversations (channel import).",
        discussion: """
            The format follows the extension (.jsonl, .txt, .csv) unless --transcript-format \
            names it. Plain-text logs are "Customer: ..." / "Agent: ..." lines with a blank line \
            between conversations; CSV has a row per turn (conversation_id, role, text, \
            optionally time and intent). Customer turns need no intent. Ids are derived from the \
            transcript ids (text logs: file name and line), so importing a file again stores \
            nothing new. Text is redacted like any other stored text. A malformed conversation \
            is reported as file:line and none of it is stored; the others are imported, and the \
            exit status is 1 if any was skipped. A one-line summary goes to standard error.
            """)

    @Argument(help: ArgumentHelp("Transcript files (.jsonl, .txt or .csv).", valueName: "FILE"))
    var files: [String]

    @OptionGroup var format: TranscriptFormatOptions

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one transcript file.") }
    }

    func run() throws {
        // Without an fsync per commit (one per turn made a 100,000-turn transcript take minutes,
        // docs/RELIABILITY.md): ids are stable, so a re-run after a crash stores what was lost, once.
        let importer = TranscriptImporter(store: try store.open(fsyncEveryCommit: false))
        var total = TranscriptImporter.Summary()
        for file in files {
            do {
                total.add(try importer.importFile(at: URL(fileURLWithPath: file), shown: file, options: format.readOptions))
            } catch let error as FileFormatError {
                throw CommandFailure(error.description)
            } catch let error as StorageError {
                throw CommandFailure("import of \(file) failed (run it again to finish; nothing is duplicated): \(error.message)")
            }
        }
        for problem in total.problems { standardError(problem.description) }
        standardError("imported \(total.conversations) conversations (\(total.alreadyStored) already stored), "
                      + "\(total.turns) turns, \(total.feedback) feedback, \(total.skipped) skipped")
        if total.skipped > 0 { throw ExitCode.failure }
    }
}

/// Writes a line to standard error.
private func standardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
