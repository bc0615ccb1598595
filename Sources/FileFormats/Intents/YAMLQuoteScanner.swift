// Finds where a quote was left open. libyaml reports an unclosed `"` where the quoted scalar
// happened to end (the next `"`, often lines later) or at the end of the file; the line to fix
// is the one that opened it, which is what a problem should name.

/// Scans YAML text for quoted scalars that run over a line end.
enum YAMLQuoteScanner {
    /// The 1-based line of the first quoted scalar that starts before `line` and is still open
    /// at the end of its own line, or nil. Intent files keep every quoted text on one line, so
    /// such a quote is almost always a missing closing quote.
    static func openQuoteLine(in yaml: String, before line: Int) -> Int? {
        var lineNumber = 1
        var quote: Unicode.Scalar?
        var openedOn = 0
        var previous: Unicode.Scalar = "\n"
        var inComment = false
        var escaped = false
        for scalar in yaml.unicodeScalars {
            if lineNumber >= line { return nil }
            if scalar == "\n" {
                if quote != nil { return openedOn }
                lineNumber += 1
                inComment = false
                previous = scalar
                continue
            }
            if let open = quote {
                if escaped {
                    escaped = false
                } else if open == "\"" && scalar == "\\" {
                    escaped = true
                } else if scalar == open {
                    quote = nil  // a doubled '' inside single quotes closes and reopens: same line
                }
            } else if !inComment {
                if scalar == "#" && (previous == " " || previous == "\t" || previous == "\n") {
                    inComment = true
                } else if (scalar == "\"" || scalar == "'") && " \t\n-:[{,?".unicodeScalars.contains(previous) {
                    quote = scalar
                    openedOn = lineNumber
                }
            }
            previous = scalar
        }
        return nil
    }
}
