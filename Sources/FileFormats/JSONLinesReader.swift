// Splits JSON Lines text into one JSON object per line, keeping each object's line number and
// reporting lines that are not JSON objects, so record readers only check keys and types.
import Foundation

/// One decoded JSON Lines object with its line.
struct JSONLine {
    /// The object's keys and values as `JSONSerialization` returns them.
    var object: [String: Any]
    /// 1-based line number.
    var line: Int
}

/// Reads JSON Lines: UTF-8, one JSON object per line.
enum JSONLinesReader {
    /// Objects of every well-formed line, and a problem for each bad one.
    ///
    /// - Parameter allowBlankLines: skip empty lines silently (a final line break is always fine).
    static func objects(in text: String, file: String, allowBlankLines: Bool) -> ([JSONLine], [FileFormatError.Problem]) {
        // Split the UTF-8 bytes: as Characters, "\r\n" is one grapheme and would not split on "\n".
        var lines = Array(text.utf8).split(separator: 10, omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        var objects: [JSONLine] = []
        var problems: [FileFormatError.Problem] = []
        for (offset, rawLine) in lines.enumerated() {
            var content = rawLine
            if content.last == 13 { content = content.dropLast() }
            if offset == 0, content.starts(with: [0xEF, 0xBB, 0xBF]) { content = content.dropFirst(3) }
            let number = offset + 1
            if content.allSatisfy({ [9, 10, 11, 12, 13, 32].contains($0) }) {
                if !allowBlankLines { problems.append(.init(file: file, line: number, message: "blank line")) }
                continue
            }
            switch object(in: content) {
            case let .success(object): objects.append(JSONLine(object: object, line: number))
            case let .failure(problem): problems.append(.init(file: file, line: number, message: problem.message))
            }
        }
        return (objects, problems)
    }

    /// The JSON object on one line (without its line break), or why the line is not one.
    static func object(in content: ArraySlice<UInt8>) -> Result<[String: Any], LineProblem> {
        let parsed = try? JSONSerialization.jsonObject(with: Data(content), options: [.fragmentsAllowed])
        guard let object = parsed as? [String: Any] else {
            return .failure(LineProblem(message: "line is \(parsed == nil ? "not valid JSON" : "not a JSON object")"))
        }
        return .success(object)
    }

    /// Why a line is not a JSON object.
    struct LineProblem: Error {
        /// E.g. `line is not valid JSON`.
        var message: String
    }

    /// The UTF-8 text of the file at `url`, or an `.io`/`.invalidData` error naming `shown`.
    static func text(of url: URL, shown: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw FileFormatError(.io, file: shown, message: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw FileFormatError(.invalidData, file: shown, message: "the file is not UTF-8 text")
        }
        return text
    }
}
