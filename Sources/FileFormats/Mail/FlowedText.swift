// `format=flowed` plain text (RFC 3676): mail clients wrap long paragraphs at ~72 columns and
// mark each soft break with a trailing space; joining them gives the analysis whole sentences.

/// Unwraps format=flowed text.
enum FlowedText {
    /// `text` (LF line breaks) with soft line breaks joined and space-stuffing removed. Quoted
    /// lines (`>`) are left as they are (the request cleaner drops them anyway), and so is the
    /// signature separator `-- `.
    ///
    /// - Parameter deleteSpace: `delsp=yes`: the trailing space of a soft break is not text.
    static func unwrap(_ text: String, deleteSpace: Bool) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var joining = false
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = Substring(rawLine)
            if line.hasPrefix(" ") { line = line.dropFirst() }  // space-stuffed
            let isFlowed = line.hasSuffix(" ") && line != "-- " && !line.hasPrefix(">")
            if joining || output.isEmpty {
                output += line
            } else {
                output += "\n" + line
            }
            if isFlowed, deleteSpace { output.removeLast() }
            joining = isFlowed
        }
        return output
    }
}
