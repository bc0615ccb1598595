// Everything a fixture's database holds, as one text, so a test can prove something was never
// stored anywhere: the SQLite file's raw bytes, or `pg_dump --data-only` of the private schema.
import Foundation

extension StoreFixture {
    /// The SQLite file with its `-wal` and `-journal` companions (bytes decoded as UTF-8, so
    /// ASCII text reads as written), or the `pg_dump --data-only` text of this fixture's schema.
    public func databaseDump() throws -> String {
        guard let postgresURL, let schema else {
            return ["", "-wal", "-journal"].compactMap { suffix in
                FileManager.default.contents(atPath: sqlitePath + suffix).map { String(decoding: $0, as: UTF8.self) }
            }.joined(separator: "\n")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pg_dump", "--data-only", "--schema=\(schema)", "--dbname=\(postgresURL)"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw StoreFixtureError(message: "pg_dump exited with status \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// A fixture that could not do what a test asked.
public struct StoreFixtureError: Error, CustomStringConvertible {
    /// What went wrong.
    public var description: String
    init(message: String) { description = message }
}
