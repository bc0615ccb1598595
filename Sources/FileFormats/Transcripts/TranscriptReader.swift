// Reads and validates transcript files in any of the three formats (JSON Lines, plain text,
// CSV; docs/FORMATS.md): exact keys, types and values, unique ids across files, every problem
// reported as file:line.
import Foundation

/// Reads transcript files.
public enum TranscriptReader {
    /// Reads every transcript file of `directory` (`.jsonl`, `.txt`, `.csv`, sorted by name);
    /// ids must be unique across files.
    ///
    /// - Parameter knownIntents: if given, intents and corrected intents must be among them.
    public static func load(from directory: URL, displayPath: String? = nil, knownIntents: Set<String>? = nil) throws -> [Transcript] {
        try read(paths: [directory.path], shown: [displayPath ?? directory.lastPathComponent],
                 options: TranscriptReadOptions(knownIntents: knownIntents))
    }

    /// Reads transcript files and folders (a folder: its files whose format `options` knows,
    /// sorted by name); ids must be unique across all of them.
    ///
    /// - Parameter shown: how each path is named in problems (default: as given).
    /// - Throws: `FileFormatError` `.io` when a path or folder cannot be found or listed, else
    ///   `.invalidData` listing every problem of every file.
    public static func read(paths: [String], shown: [String]? = nil, options: TranscriptReadOptions = TranscriptReadOptions()) throws -> [Transcript] {
        var transcripts: [Transcript] = []
        var problems: [FileFormatError.Problem] = []
        for (index, path) in paths.enumerated() {
            for (url, fileShown) in try files(at: path, shown: shown?[index] ?? path, options: options) {
                do {
                    let parsed = try parseFile(at: url, shown: fileShown, options: options)
                    transcripts += parsed.transcripts
                    problems += parsed.problems
                } catch let error as FileFormatError {
                    problems += error.problems
                }
            }
        }
        problems += duplicateIDProblems(transcripts)
        guard problems.isEmpty else { throw FileFormatError(.invalidData, problems: problems) }
        return transcripts
    }

    /// The transcript files at `path`: the file itself, or a folder's files of a known format.
    public static func files(at path: String, shown: String, options: TranscriptReadOptions) throws(FileFormatError) -> [(URL, String)] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw FileFormatError(.io, file: shown, message: "no such file or folder")
        }
        let url = URL(fileURLWithPath: path)
        guard isFolder.boolValue else { return [(url, shown)] }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
                .filter { !$0.hasPrefix(".") && options.format(ofFile: $0) != nil }.sorted()
        } catch {
            throw FileFormatError(.io, file: shown, message: "cannot list the transcripts folder")
        }
        return names.map { (url.appendingPathComponent($0), "\(shown)/\($0)") }
    }

    /// Reads one file in the format `options` gives it (its extension's unless overridden),
    /// collecting its problems. Plain-text and CSV conversations without times start at the
    /// file's modification time.
    ///
    /// - Throws: `FileFormatError` when the file cannot be read, is not UTF-8 or has no known format.
    public static func parseFile(at url: URL, shown: String, options: TranscriptReadOptions) throws -> TranscriptFileParse {
        guard let format = options.format(ofFile: url.lastPathComponent) else {
            throw FileFormatError(.invalidData, file: shown,
                                  message: "unknown transcript format (name it .jsonl, .txt or .csv, or give the format)")
        }
        let text = try JSONLinesReader.text(of: url, shown: shown)
        let modified = (try? FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate]) as? Date
        return parse(text, file: shown, format: format, options: options, started: modified ?? Date(timeIntervalSince1970: 0))
    }

    /// Parses the text of one file in `format`, collecting its problems.
    ///
    /// - Parameter started: when plain-text conversations, and CSV ones without times, started.
    public static func parse(_ text: String, file: String, format: TranscriptFileFormat, options: TranscriptReadOptions,
                             started: Date) -> TranscriptFileParse {
        switch format {
        case .jsonl: parseJSONLines(text, file: file, knownIntents: options.knownIntents)
        case .text: TranscriptTextParser.parse(text, file: file, options: options, started: started)
        case .csv: TranscriptCSVParser.parse(text, file: file, options: options, started: started)
        }
    }

    /// Parses the JSON Lines text of one transcript file.
    public static func parse(_ text: String, file: String, knownIntents: Set<String>? = nil) throws -> [Transcript] {
        let parsed = parseJSONLines(text, file: file, knownIntents: knownIntents)
        let all = parsed.problems + duplicateIDProblems(parsed.transcripts)
        guard all.isEmpty else { throw FileFormatError(.invalidData, problems: all) }
        return parsed.transcripts
    }

    static func parseJSONLines(_ text: String, file: String, knownIntents: Set<String>?) -> TranscriptFileParse {
        let (lines, lineProblems) = JSONLinesReader.objects(in: text, file: file, allowBlankLines: false)
        var result = TranscriptFileParse()
        result.problems = lineProblems
        for line in lines {
            var decoder = TranscriptObjectDecoder(knownIntents: knownIntents)
            if let transcript = decoder.transcript(line.object, location: SourceLocation(file: file, line: line.line)) {
                result.transcripts.append(transcript)
            }
            result.problems += decoder.messages.map { .init(file: file, line: line.line, message: $0) }
        }
        result.skipped = Set(result.problems.compactMap(\.line)).count
        return result
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
