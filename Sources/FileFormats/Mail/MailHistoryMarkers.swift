// Where quoted or forwarded history starts in a mail's lines: attribution lines ("On Mon, 7 Dec
// 2026, Ann <a@b.example> wrote:", also wrapped over two lines, and their German, French and
// Spanish forms), "Original Message" and "Forwarded message" separators, and the header block
// Outlook puts above a quoted mail ("From: …" followed by "Sent:"/"Date:" and "To:"/"Subject:").

/// Finds the first line of quoted history.
enum MailHistoryMarkers {
    /// Index of the first line that starts quoted or forwarded history, or nil; a rule of
    /// underscores or dashes right above it (Outlook draws one) belongs to it.
    static func historyStart(in lines: [String]) -> Int? {
        guard var start = firstMarker(in: lines) else { return nil }
        while start > 0, isRule(lines[start - 1]) { start -= 1 }
        return start
    }

    private static func isRule(_ line: String) -> Bool {
        let trimmed = line.trimmingWhitespace()
        return trimmed.count >= 8 && trimmed.allSatisfy { $0 == "_" || $0 == "-" || $0 == "=" }
    }

    private static func firstMarker(in lines: [String]) -> Int? {
        for index in lines.indices {
            let line = lines[index].trimmingWhitespace()
            if isSeparator(line) || isOutlookHeader(lines, at: index) { return index }
            if isAttribution(line, next: lines.dropFirst(index + 1).first { !$0.isEmpty }) { return index }
            if index + 1 < lines.count, line.lowercased().hasPrefix("on "),
               isAttribution(line + " " + lines[index + 1].trimmingWhitespace(), next: nil) {
                return index
            }
        }
        return nil
    }

    /// `-----Original Message-----`, `---------- Forwarded message ---------`, `Begin forwarded message:`.
    private static func isSeparator(_ line: String) -> Bool {
        let lower = line.lowercased()
        let words = lower.trimming { "-_=* :".unicodeScalars.contains($0) }
        return ["original message", "forwarded message", "begin forwarded message", "ursprüngliche nachricht",
                "message d'origine", "message transféré", "weitergeleitete nachricht", "mensaje original"]
            .contains(words) && (lower.hasPrefix("-") || lower.hasPrefix("begin") || lower.hasSuffix(":") || lower.hasPrefix("_"))
    }

    /// "On … wrote:" and its translations; a line merely ending in "wrote:" counts only when it
    /// names a mail address or a date, or quoted lines follow.
    private static func isAttribution(_ line: String, next: String?) -> Bool {
        let lower = line.lowercased()
        guard lower.count <= 300, lower.hasSuffix(":") else { return false }
        // German and French clients put the sender after the verb: "Am …, schrieb Ann <a@b.example>:".
        if lower.contains("@"), [" schrieb ", " a écrit ", " escribió "].contains(where: { lower.contains($0) }) {
            return true
        }
        guard ["wrote:", "schrieb:", "a écrit :", "a écrit:", "escribió:"].contains(where: { lower.hasSuffix($0) })
        else { return false }
        if ["on ", "am ", "le ", "el "].contains(where: { lower.hasPrefix($0) }) { return true }
        if lower.contains("@") || lower.contains(where: \.isNumber) { return true }
        return next?.trimmingWhitespace().hasPrefix(">") ?? false
    }

    /// A `From:` line with `Sent:`/`Date:` and `To:`/`Subject:` lines within the next four lines.
    private static func isOutlookHeader(_ lines: [String], at index: Int) -> Bool {
        let line = lines[index].trimmingWhitespace().lowercased()
        guard line.hasPrefix("from:") || line.hasPrefix("*from:*") || line.hasPrefix("von:") || line.hasPrefix("de :") else {
            return false
        }
        let following = lines[(index + 1)..<min(lines.count, index + 6)].map {
            $0.trimmingWhitespace().lowercased().filter { $0 != "*" }
        }
        let dated = following.contains { $0.hasPrefix("sent:") || $0.hasPrefix("date:") || $0.hasPrefix("gesendet:") }
        let addressed = following.contains { $0.hasPrefix("to:") || $0.hasPrefix("subject:") || $0.hasPrefix("an:") }
        return dated && addressed
    }
}
