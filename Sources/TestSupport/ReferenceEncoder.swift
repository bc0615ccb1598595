// Where tests find the reference sentence encoder (all-MiniLM-L6-v2, fetched by scripts/get-encoder
// into .chatbot/encoders/, or CHATBOT_TEST_ENCODER), and the skip-or-fail switch: without it the
// tests that need it are disabled, except under `CI=true`, where they run and fail (CI fetches it).
import Foundation

/// The real encoder for known-answer tests.
public enum ReferenceEncoder {
    /// The variable that may name another folder.
    public static let environmentVariable = "CHATBOT_TEST_ENCODER"

    /// The encoder folder: `$CHATBOT_TEST_ENCODER`, else `.chatbot/encoders/all-MiniLM-L6-v2`.
    public static var folder: URL {
        if let path = ProcessInfo.processInfo.environment[environmentVariable], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return TestFixtures.repositoryRoot.appendingPathComponent(".chatbot/encoders/all-MiniLM-L6-v2")
    }

    /// The tiny random encoder committed for tests (made by scripts/fixtures/encoder_reference.py).
    public static var tiny: URL {
        TestFixtures.repositoryRoot.appendingPathComponent("Tests/PretrainedEncoderTests/Resources/tiny-encoder")
    }

    /// Whether tests needing it run: it is present, or `CI=true` (where they then fail without it).
    public static var isEnabled: Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("config.json").path)
            || ProcessInfo.processInfo.environment["CI"] == "true"
    }
}
