// Access to the committed fixture files under Resources/ (made by scripts/fixtures/*.py).
import Foundation

/// Locates committed test fixtures.
enum Fixtures {
    /// The URL of `Resources/<name>`.
    static func url(_ name: String) -> URL {
        Bundle.module.bundleURL.appendingPathComponent("Resources").appendingPathComponent(name)
    }

    /// A fresh path in the temporary directory, unique per call.
    static func temporaryURL(_ name: String = "test.safetensors") -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("tensorcore-\(UUID().uuidString)-\(name)")
    }
}
