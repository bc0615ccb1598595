// Helpers shared by the tests of the file formats, dialogue and model life cycle: the repository root (for the real demo data) and
// throw-away folders of fixture files written per test.
import FileFormats
import Foundation
import Testing

public enum TestFixtures {
    /// The package root, found from this file's path.
    public static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A fresh temporary folder holding `files` (name → contents).
    public static func folder(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chatbot-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, contents) in files {
            try contents.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return url
    }

    /// The problems of the `FileFormatError` thrown by `body` (empty if it does not throw one).
    public static func problems(_ body: () throws -> Void) -> [FileFormatError.Problem] {
        do {
            try body()
            return []
        } catch let error as FileFormatError {
            return error.problems
        } catch {
            Issue.record("unexpected error \(error)")
            return []
        }
    }
}
