// Where PostgreSQL tests get their server: `CHATBOT_TEST_DATABASE_URL`. Unset, the suites that
// need it are disabled (`.enabled(if: PostgresTestDatabase.isEnabled)`) and show as skipped —
// except under `CI=true`, where they run and a missing server is a test failure.
import ConversationStorage
import Foundation
import Testing

/// The PostgreSQL server for tests, and the skip-or-fail switch.
public enum PostgresTestDatabase {
    /// The variable holding the test server's URL.
    public static let environmentVariable = "CHATBOT_TEST_DATABASE_URL"

    /// Whether PostgreSQL tests run: a server is configured, or `CI=true` (where they then fail without one).
    public static var isEnabled: Bool {
        let environment = ProcessInfo.processInfo.environment
        return !(environment[environmentVariable] ?? "").isEmpty || environment["CI"] == "true"
    }

    /// The test server's URL, or nil after warning (or, under `CI=true`, recording a failure).
    public static func url(for test: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let url = environment[environmentVariable], !url.isEmpty { return url }
        if environment["CI"] == "true" {
            Issue.record("\(environmentVariable) is unset under CI=true: PostgreSQL tests cannot be skipped in CI",
                         sourceLocation: sourceLocation)
        } else {
            let banner = String(repeating: "!", count: 78)
            FileHandle.standardError.write(Data("""
                \(banner)
                !! SKIPPED PostgreSQL test \(test): \(environmentVariable) is unset.
                !! Run: bash -c 'source scripts/lib/postgres.sh; start_throwaway_postgres; swift test'
                \(banner)

                """.utf8))
        }
        return nil
    }
}
