// Tickets from a JSON Lines file, one object per line, streamed; keys as in `TicketFields`
// (an id may be a string or a number); a bad line is a failure at its line and byte offset.
import FileFormats
import Foundation

/// Reads tickets from a JSON Lines file.
public final class JSONLinesTicketSource: TicketSource {
    private let stream: JSONLinesStream
    private let file: String
    private let fields: TicketFields

    /// Opens `url`.
    ///
    /// - Throws: `TicketAnsweringError` when the file cannot be read.
    public init(contentsOf url: URL, displayPath: String, fields: TicketFields = TicketFields()) throws {
        do {
            stream = try JSONLinesStream(contentsOf: url, displayPath: displayPath)
        } catch {
            throw TicketAnsweringError(error.description)
        }
        file = displayPath
        self.fields = fields
    }

    public func next() throws -> TicketSourceItem? {
        let item: JSONLinesStreamItem?
        do {
            item = try stream.next()
        } catch {
            throw TicketAnsweringError(error.description)
        }
        guard let item else { return nil }
        let location = TicketLocation(file: file, line: item.line, byteOffset: item.byteOffset)
        guard let object = item.object else {
            return .failure(TicketReadFailure(location: location, reason: item.problem ?? "line is not a JSON object"))
        }
        var values: [String: String] = [:]
        for (part, names) in [("id", fields.id), ("subject", fields.subject), ("body", fields.body),
                              ("customer", fields.customer), ("created", fields.created)] {
            guard let name = names.first(where: { object[$0] != nil && !(object[$0] is NSNull) }) else { continue }
            switch object[name] {
            case let text as String: values[part] = text.trimmingCharacters(in: .whitespacesAndNewlines)
            case let number as NSNumber where part == "id": values[part] = number.stringValue
            default:
                return .failure(TicketReadFailure(location: location, reason: "key \"\(name)\" must be a string"))
            }
        }
        guard values["body"] != nil || values["subject"] != nil else {
            return .failure(TicketReadFailure(location: location,
                                              reason: "no body key (\(fields.body.joined(separator: ", ")))"))
        }
        let ticket = TicketRequest(id: values["id"].flatMap { $0.isEmpty ? nil : $0 }, subject: values["subject"] ?? "",
                                   body: values["body"] ?? "", customer: values["customer"].flatMap { $0.isEmpty ? nil : $0 },
                                   created: values["created"], location: location)
        return TicketValidation.checked(ticket)
    }
}
