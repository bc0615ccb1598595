// Helpers shared by the Chatbot tests: the repository root (for the real demo data) and
// throw-away folders of fixture files written per test.
import Foundation
import Testing
import Chatbot

enum TestFixtures {
    /// The package root, found from this file's path.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A fresh temporary folder holding `files` (name → contents).
    static func folder(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chatbot-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, contents) in files {
            try contents.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return url
    }

    /// The problems of the `ChatbotError` thrown by `body` (empty if it does not throw one).
    static func problems(_ body: () throws -> Void) -> [ChatbotError.Problem] {
        do {
            try body()
            return []
        } catch let error as ChatbotError {
            return error.problems
        } catch {
            Issue.record("unexpected error \(error)")
            return []
        }
    }
}
