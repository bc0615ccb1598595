// Tickets from a CSV file, streamed record by record with the project's one CSV scanner; the
// header names the columns (`TicketFields`), a bad row is a failure at its line.
import FileFormats
import Foundation

/// Reads tickets from a CSV file with a header row.
public final class CSVTicketSource: TicketSource {
    private let stream: CSVRecordStream
    private let file: String
    private let columns: (id: Int?, subject: Int?, body: Int, customer: Int?, created: Int?)

    /// Opens `url` and finds the columns.
    ///
    /// - Throws: `TicketAnsweringError` when the file cannot be read or has no body column.
    public init(contentsOf url: URL, displayPath: String, fields: TicketFields = TicketFields()) throws {
        do {
            stream = try CSVRecordStream(contentsOf: url, displayPath: displayPath)
        } catch {
            throw TicketAnsweringError(error.description)
        }
        file = displayPath
        let header = stream.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func column(_ names: [String]) -> Int? {
            names.lazy.compactMap { header.firstIndex(of: $0.lowercased()) }.first
        }
        guard let body = column(fields.body) ?? column(fields.subject) else {
            throw TicketAnsweringError("\(displayPath):1: no body column (\(fields.body.joined(separator: ", "))) "
                                       + "in the header (\(stream.header.joined(separator: ",")))")
        }
        let subject = column(fields.subject)
        columns = (column(fields.id), subject == body ? nil : subject, body, column(fields.customer), column(fields.created))
    }

    public func next() throws -> TicketSourceItem? {
        guard let record = stream.next() else {
            if let error = stream.readError { throw TicketAnsweringError(error.description) }
            return nil
        }
        let location = TicketLocation(file: file, line: record.line)
        if let problem = record.problems.first { return .failure(TicketReadFailure(location: location, reason: problem)) }
        func field(_ index: Int?) -> String? {
            guard let index, index < record.fields.count else { return nil }
            let value = record.fields[index].trimmingCharacters(in: .whitespacesAndNewlines)
            return value.isEmpty ? nil : value
        }
        let ticket = TicketRequest(id: field(columns.id), subject: field(columns.subject) ?? "",
                                   body: field(columns.body) ?? "", customer: field(columns.customer),
                                   created: field(columns.created), location: location)
        return TicketValidation.checked(ticket)
    }
}
