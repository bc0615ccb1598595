// Keeps only what the customer asks in a mail's text: quoted history and forwarded blocks go
// (everything from an "On … wrote:" line, an "Original Message" or "Forwarded message"
// separator or an Outlook "From:/Sent:" block on, and every line starting with `>`), then the
// signature (from a `-- ` line, a common sign-off near the end, "Sent from my …"), then the
// greeting. A message that is nothing but a greeting or thanks keeps it.

/// Removes quoted history, signatures and greetings from a mail's text.
package enum MailRequestCleaner {
    /// The customer's request in `text` (LF line breaks), trimmed, at most one empty line in a row.
    package static func request(in text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0).trimmingTrailingWhitespace()
        }
        if let start = MailHistoryMarkers.historyStart(in: lines) { lines.removeSubrange(start...) }
        lines.removeAll { $0.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix(">") }
        if let dashes = lines.firstIndex(where: { $0 == "--" || $0 == "-- " }) { lines.removeSubrange(dashes...) }
        lines.removeAll { MailSignOffs.isDeviceSignature($0) }
        let withSignOffs = lines
        if let signOff = MailSignOffs.signOffStart(in: lines) { lines.removeSubrange(signOff...) }
        removeGreeting(from: &lines)
        let request = joined(lines)
        return request.isEmpty ? joined(withSignOffs) : request
    }

    /// Drops a first line that is only a greeting ("Hi team,") or the greeting before the first
    /// comma of a first line that goes on ("Hello Anna, my order …").
    private static func removeGreeting(from lines: inout [String]) {
        guard let first = lines.firstIndex(where: { !$0.trimmingWhitespace().isEmpty }) else { return }
        let line = lines[first].trimmingWhitespace()
        if MailSignOffs.isGreeting(line) {
            lines.remove(at: first)
        } else if let comma = line.firstIndex(where: { $0 == "," || $0 == "!" }),
                  MailSignOffs.isGreeting(String(line[...comma])) {
            lines[first] = line[line.index(after: comma)...].trimmingWhitespace()
        }
    }

    /// Lines joined with LF, runs of empty lines shortened to one, trimmed.
    private static func joined(_ lines: [String]) -> String {
        var kept: [String] = []
        for line in lines where !(line.isEmpty && (kept.last?.isEmpty ?? true)) { kept.append(line) }
        return kept.joined(separator: "\n").trimmingWhitespace()
    }
}

extension String {
    /// The string without spaces and tabs at its end.
    func trimmingTrailingWhitespace() -> String {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " || self[index(before: end)] == "\t" {
            end = index(before: end)
        }
        return String(self[..<end])
    }
}
