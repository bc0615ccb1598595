// A JSON decoding failure in one line of words, for errors that name a file: what is wrong and
// where in the document, without Swift's internal type names.
import Foundation

extension DecodingError {
    /// One line such as "missing key 'labels'", "not valid JSON (Unexpected end of file)" or
    /// "expected to decode Int but found a string instead at config.epochs".
    public var summary: String {
        func at(_ path: [any CodingKey]) -> String {
            path.isEmpty ? "" : " at \(path.map(\.stringValue).joined(separator: "."))"
        }
        switch self {
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return Self.oneLine(context.debugDescription) + at(context.codingPath)
        case .keyNotFound(let key, let context):
            return "missing key '\(key.stringValue)'" + at(context.codingPath)
        case .dataCorrupted(let context):
            let underlying = context.underlyingError.map { ($0 as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
                ?? $0.localizedDescription }
            let what = context.codingPath.isEmpty && underlying != nil ? "not valid JSON" : Self.oneLine(context.debugDescription)
            return what + at(context.codingPath) + (underlying.map { " (\(Self.oneLine($0)))" } ?? "")
        @unknown default:
            return Self.oneLine("\(self)")
        }
    }

    /// `error`'s summary when it is a `DecodingError`, else its description, on one line.
    public static func summary(of error: any Error) -> String {
        (error as? DecodingError)?.summary ?? oneLine("\(error)")
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
