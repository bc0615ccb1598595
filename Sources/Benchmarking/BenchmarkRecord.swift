// One measured figure, printed as a JSON line `{"name":…,"value":…,"unit":…}` so scripts can
// compare runs and peers.
import Foundation
import Primitives

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
        return "{\"name\":\(JSONString.quoted(name)),\"value\":\(number),\"unit\":\(JSONString.quoted(unit))}"
    }
}
