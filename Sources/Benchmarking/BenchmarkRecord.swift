// One measured figure, printed as a JSON line `{"name":…,"value":…,"unit":…}` so scripts can
// compare runs and peers.
import Foundation

/// A single benchmark figure.
public struct BenchmarkRecord: Codable, Sendable, Equatable {
    /// A dotted name that says what was measured and how, e.g. `sgemm.square.n512.threads1`.
    public var name: String
    /// The measured value.
    public var value: Double
    /// The unit of `value`, e.g. `GFLOP/s`, `ms`, `ratio`.
    public var unit: String

    public init(name: String, value: Double, unit: String) {
        self.name = name
        self.value = value
        self.unit = unit
    }

    /// The record as one line of JSON with keys in the order name, value, unit.
    public var jsonLine: String {
        let number = value.isFinite ? String(format: "%.6g", value) : "null"
        return "{\"name\":\(Self.quoted(name)),\"value\":\(number),\"unit\":\(Self.quoted(unit))}"
    }

    private static func quoted(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        guard let data = try? encoder.encode(text), let json = String(data: data, encoding: .utf8) else {
            return "\"\""
        }
        return json
    }
}
