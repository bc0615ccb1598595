// Int8 weights against Float32 for one trained model (`--model DIR`, else the active version):
// model.safetensors size, load time and batch-1 intent latency of both forms, and the ratios.
// Accuracy is `chatbot evaluate` on each folder (docs/BENCHMARKS.md).
import Foundation
import LanguageModeling
import Primitives

/// Measures what `chatbot models quantize` changes: checkpoint size, load time, latency.
public struct QuantizationBenchmark: Sendable {
    /// The float model folder; nil: the suite reports itself skipped.
    public var modelDirectory: URL?
    /// Loads timed per form.
    public var loads = 9
    /// Single-message predictions timed per form.
    public var predictions = 300

    public init(quick: Bool = false) {
        if quick {
            loads = 2
            predictions = 10
        }
    }

    /// Quantises the model into a temporary folder and measures both forms.
    public func run() -> [BenchmarkRecord] {
        guard let modelDirectory else {
            return [BenchmarkRecord(name: "quantize.skipped", value: .nan, unit: "no trained model (--model DIR)")]
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-quantize-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            let model = try ChatModel.load(from: modelDirectory)
            model.weightStorage = .int8PerRow
            try model.save(to: folder)
            var records: [BenchmarkRecord] = []
            var figures: [String: (bytes: Double, load: Double, latency: Double)] = [:]
            for (form, directory) in [("float32", modelDirectory), ("int8", folder)] {
                let bytes = Double(try Self.weightsBytes(in: directory))
                var loadTimes: [Double] = []
                var loaded = model
                for _ in 0..<loads {
                    loadTimes.append(try Stopwatch.seconds { () throws(ChatModelError) in loaded = try ChatModel.load(from: directory) })
                }
                var latencies: [Double] = []
                for index in 0..<predictions {
                    let text = Self.texts[index % Self.texts.count]
                    latencies.append(try Stopwatch.seconds { () throws(ChatModelError) in _ = try loaded.predict(text) })
                }
                figures[form] = (bytes, loadTimes.median * 1000, latencies.median * 1000)
                records += [
                    BenchmarkRecord(name: "quantize.\(form).weights_bytes", value: bytes, unit: "bytes"),
                    BenchmarkRecord(name: "quantize.\(form).load.median", value: loadTimes.median * 1000, unit: "ms"),
                    BenchmarkRecord(name: "quantize.\(form).predict_batch1.median", value: latencies.median * 1000, unit: "ms"),
                    BenchmarkRecord(name: "quantize.\(form).predict_batch1.p99", value: latencies.percentile(99) * 1000, unit: "ms"),
                ]
            }
            if let float = figures["float32"], let int8 = figures["int8"] {
                records += [
                    BenchmarkRecord(name: "quantize.weights_smaller_factor", value: float.bytes / int8.bytes, unit: "ratio"),
                    BenchmarkRecord(name: "quantize.load.int8_to_float32", value: int8.load / float.load, unit: "ratio"),
                    BenchmarkRecord(name: "quantize.predict_batch1.int8_to_float32", value: int8.latency / float.latency, unit: "ratio"),
                ]
            }
            return records
        } catch {
            return [BenchmarkRecord(name: "quantize.failed", value: .nan, unit: "\(error)")]
        }
    }

    static func weightsBytes(in directory: URL) throws -> Int {
        let path = directory.appendingPathComponent(ChatModel.CheckpointFile.weights).path
        return (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }

    /// Customer messages of the length users type (about 16 tokens).
    static let texts = [
        "I still have not received my new card, where is it?", "why was I charged a fee for this transfer",
        "my top up failed, can you check what happened", "how do I change my PIN at a cash machine",
        "hello, where is my order? it was due on Monday", "can I get a refund for the last payment",
    ]
}
