// The error `CSVTable` throws: the file and line of malformed CSV.

/// A malformed CSV file: where and why, never the field's text.
package struct CSVError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file as the user named it.
    package var file: String
    /// The 1-based line.
    package var line: Int
    /// What is wrong.
    package var reason: String

    /// An error at `file:line`.
    package init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// `file:line: reason`.
    package var description: String { "\(file):\(line): \(reason)" }
}
