// Reads and validates `conversations/*.jsonl` transcripts: exact keys, types and values per
// docs/FORMATS.md, unique ids across files, every problem reported as file:line.
import Foundation

/// Reads transcript files.
public enum TranscriptReader {
    /// Reads every `.jsonl` file of `directory` (sorted by name); ids must be unique across files.
    ///
    /// - Parameter knownIntents: if given, intents and corrected intents must be among them.
    public static func load(from directory: URL, displayPath: String? = nil, knownIntents: Set<String>? = nil) throws -> [Transcript] {
        let prefix = displayPath ?? directory.lastPathComponent
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".jsonl") }.sorted()
        } catch {
            throw FileFormatError(.io, file: prefix, message: "cannot list the transcripts folder")
        }
        var transcripts: [Transcript] = []
        var problems: [FileFormatError.Problem] = []
        for name in names {
            let shown = "\(prefix)/\(name)"
            do {
                let text = try JSONLinesReader.text(of: directory.appendingPathComponent(name), shown: shown)
                let (found, issues) = parseCollecting(text, file: shown, knownIntents: knownIntents)
                transcripts += found
                problems += issues
            } catch let error as FileFormatError {
                problems += error.problems
            }
        }
        problems += duplicateIDProblems(transcripts)
        guard problems.isEmpty else { throw FileFormatError(.invalidData, problems: problems) }
        return transcripts
    }

    /// Parses the JSON Lines text of one transcript file.
    public static func parse(_ text: String, file: String, knownIntents: Set<String>? = nil) throws -> [Transcript] {
        let (transcripts, problems) = parseCollecting(text, file: file, knownIntents: knownIntents)
        let all = problems + duplicateIDProblems(transcripts)
        guard all.isEmpty else { throw FileFormatError(.invalidData, problems: all) }
        return transcripts
    }

    static func parseCollecting(_ text: String, file: String, knownIntents: Set<String>?) -> ([Transcript], [FileFormatError.Problem]) {
        let (lines, lineProblems) = JSONLinesReader.objects(in: text, file: file, allowBlankLines: false)
        var problems = lineProblems
        var transcripts: [Transcript] = []
        for line in lines {
            var decoder = TranscriptObjectDecoder(knownIntents: knownIntents)
            if let transcript = decoder.transcript(line.object, location: SourceLocation(file: file, line: line.line)) {
                transcripts.append(transcript)
            }
            problems += decoder.messages.map { .init(file: file, line: line.line, message: $0) }
        }
        return (transcripts, problems)
    }

    private static func duplicateIDProblems(_ transcripts: [Transcript]) -> [FileFormatError.Problem] {
        var first: [String: SourceLocation] = [:]
        var problems: [FileFormatError.Problem] = []
        for transcript in transcripts {
            if let earlier = first[transcript.id] {
                problems.append(.init(file: transcript.location.file, line: transcript.location.line,
                                      message: "duplicate conversation id \"\(transcript.id)\" (also in \(earlier))"))
            } else {
                first[transcript.id] = transcript.location
            }
        }
        return problems
    }
}
