// A ticket as it travels through the PostgreSQL queue: the `payload` JSON of a `tickets` row
// (id, subject, body, customer, created, file, line, byte offset) and back.
import Foundation
import Primitives

/// Encodes tickets into queue payloads and decodes them.
public enum TicketPayload {
    /// The payload JSON of `ticket`.
    public static func encode(_ ticket: TicketRequest) -> String {
        let q = JSONString.quoted
        let location = ticket.location
        let fields = [
            ("id", ticket.id.map(q) ?? "null"), ("subject", q(ticket.subject)), ("body", q(ticket.body)),
            ("customer", ticket.customer.map(q) ?? "null"), ("created", ticket.created.map(q) ?? "null"),
            ("file", q(location.file)), ("line", location.line.map(String.init) ?? "null"),
            ("byte_offset", location.byteOffset.map(String.init) ?? "null"),
        ]
        return "{" + fields.map { "\(q($0.0)):\($0.1)" }.joined(separator: ",") + "}"
    }

    /// The ticket in `payload`, or nil when it is not a payload this module wrote.
    public static func decode(_ payload: String) -> TicketRequest? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [String: Any],
              let file = object["file"] as? String, let body = object["body"] as? String else { return nil }
        return TicketRequest(
            id: object["id"] as? String, subject: object["subject"] as? String ?? "", body: body,
            customer: object["customer"] as? String, created: object["created"] as? String,
            location: TicketLocation(file: file, line: object["line"] as? Int, byteOffset: object["byte_offset"] as? Int))
    }
}
