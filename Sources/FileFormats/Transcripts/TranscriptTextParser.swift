// Reads plain-text chat logs: `Customer: …` / `Agent: …` lines (speaker names configurable), a
// blank line between conversations, lines without a speaker continuing the message above.
// Such logs carry no ids, times or labels: a conversation's id is `<file name>:<first line>`.
import Foundation

/// Parses plain-text transcripts (docs/FORMATS.md "Plain-text transcripts").
enum TranscriptTextParser {
    /// The conversations of `text`, read from the file named `file` (its last path component
    /// starts every id), each starting at `started`.
    static func parse(_ text: String, file: String, options: TranscriptReadOptions, started: Date) -> TranscriptFileParse {
        let name = (file as NSString).lastPathComponent
        var result = TranscriptFileParse()
        var block: [(line: Int, text: Substring)] = []
        for (offset, rawLine) in lines(of: text).enumerated() {
            if rawLine.allSatisfy(\.isWhitespace) {
                finish(&block, name: name, file: file, options: options, started: started, into: &result)
            } else {
                block.append((offset + 1, rawLine))
            }
        }
        finish(&block, name: name, file: file, options: options, started: started, into: &result)
        return result
    }

    /// The lines of `text` without line ends (LF or CRLF) and without a leading byte-order mark.
    static func lines(of text: String) -> [Substring] {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        // Split on scalars: as Characters, "\r\n" is one grapheme.
        return body.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { scalars in
            let line = Substring(scalars)
            return line.hasSuffix("\r") ? line.dropLast() : line
        }
    }

    /// Turns the lines of one conversation into a transcript (or problems) and empties `block`.
    private static func finish(_ block: inout [(line: Int, text: Substring)], name: String, file: String,
                               options: TranscriptReadOptions, started: Date, into result: inout TranscriptFileParse) {
        defer { block.removeAll() }
        guard let first = block.first else { return }
        var turns: [TranscriptTurn] = []
        var turnLines: [Int] = []
        var problems: [FileFormatError.Problem] = []
        for (line, text) in block {
            if let (role, message) = speakerLine(text, options: options) {
                turns.append(TranscriptTurn(role: role, text: message))
                turnLines.append(line)
            } else if !turns.isEmpty {
                turns[turns.count - 1].text += "\n" + text.trimmingCharacters(in: .whitespaces)
            } else if problems.isEmpty {  // one problem per conversation that starts without a speaker
                problems.append(.init(file: file, line: line,
                                      message: "the line does not start with a speaker (\(options.labelList) followed by \":\"; see --customer-label and --agent-label)"))
            }
        }
        for (turn, line) in zip(turns, turnLines) {
            if turn.text.allSatisfy(\.isWhitespace) {
                problems.append(.init(file: file, line: line, message: "empty message"))
            } else if let message = TranscriptObjectDecoder.placeholderProblem(in: turn.text) {
                problems.append(.init(file: file, line: line, message: message))
            }
        }
        guard problems.isEmpty else {
            result.problems += problems
            result.skipped += 1
            return
        }
        result.transcripts.append(Transcript(id: "\(name):\(first.line)", channel: .chat, started: started, turns: turns,
                                             location: SourceLocation(file: file, line: first.line)))
    }

    /// The role and message of a line that starts with a known speaker label and a colon.
    private static func speakerLine(_ line: Substring, options: TranscriptReadOptions) -> (TranscriptTurn.Role, String)? {
        guard let colon = line.firstIndex(of: ":"), let role = options.role(ofLabel: line[..<colon]) else { return nil }
        return (role, line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }
}
