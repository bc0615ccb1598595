// Trimming for the mail code's hot paths: on Unicode scalars, without Foundation's NSString
// bridge (which `trimmingCharacters(in:)` takes on Linux, at several microseconds a call).

extension StringProtocol {
    /// The text without leading and trailing scalars for which `shouldTrim` is true.
    func trimming(where shouldTrim: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !shouldTrim($0) }),
              let last = scalars.lastIndex(where: { !shouldTrim($0) }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// Without spaces and tabs at either end.
    func trimmingBlanks() -> String { trimming { $0 == " " || $0 == "\t" } }

    /// Without white space (line breaks included) at either end.
    func trimmingWhitespace() -> String { trimming { $0.properties.isWhitespace } }

    /// Without punctuation, symbols and white space at either end (letters and digits stay).
    func trimmingPunctuation() -> String {
        trimming { !$0.properties.isAlphabetic && $0.properties.numericType == nil }
    }
}
