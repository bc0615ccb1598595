// A place in a data file, attached to every example, response and transcript so that later
// stages (validation, evaluation reports) can point the user back to the line to fix.

/// A file and a 1-based line in it.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file as the user named it (relative to the folder given, e.g. `intents/greeting.yaml`).
    public var file: String
    /// 1-based line number.
    public var line: Int

    /// Creates a location.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// `file:line`.
    public var description: String { "\(file):\(line)" }
}

/// A piece of text read from a file, with where it was read.
public struct LocatedText: Hashable, Sendable {
    /// The text as written (YAML quoting removed).
    public var text: String
    /// Where it was read.
    public var location: SourceLocation

    /// Creates a located text.
    public init(_ text: String, at location: SourceLocation) {
        self.text = text
        self.location = location
    }
}
