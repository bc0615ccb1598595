// The `serve` suite: `chatbot serve` on loopback under load. N conversations each send their next
// message as soon as the last was answered (a closed loop, like N customers typing fast; or after
// a pause like a person typing, `--serve-think-seconds`) for a fixed time, through 1 or 2
// replicas, on SQLite and on PostgreSQL; turns/s and p50/p99 latency as the client sees it. The
// replicas and the client run in this process and share its cores.
import ConversationStorage
import Dialogue
import FileFormats
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import Primitives
import Serving

/// HTTP turn throughput and latency.
public struct ServeBenchmark {
    /// One second per point.
    public var quick: Bool
    /// Loads, replicas, database.
    public var settings: ServeBenchmarkSettings
    /// The intents and the model.
    public var inputs: BenchmarkInputs

    /// A benchmark with `settings` on `inputs`.
    public init(quick: Bool, settings: ServeBenchmarkSettings = ServeBenchmarkSettings(), inputs: BenchmarkInputs = BenchmarkInputs()) {
        self.quick = quick
        self.settings = settings
        self.inputs = inputs
    }

    /// The messages every conversation cycles through (the demo shop's; none hands off).
    static let script = [
        "hi there", "where is my order 48213377?", "how long does delivery take?", "how much is shipping?",
        "do you have this jacket in medium?", "thanks, bye",
    ]

    /// Every figure; none when the model is missing (said on standard error).
    public func run() -> [BenchmarkRecord] {
        do {
            guard let model = inputs.modelFolder() else { throw ServingError.unavailable("no model (give --model DIR)") }
            var records = try measure(backend: "sqlite", model: model)
            if let url = settings.databaseURL {
                records += try measure(backend: "postgres", model: model, url: url)
            }
            return records
        } catch {
            FileHandle.standardError.write(Data("serve: skipped (\(error))\n".utf8))
            return []
        }
    }

    private func measure(backend: String, model: URL, url: String? = nil) throws -> [BenchmarkRecord] {
        var records: [BenchmarkRecord] = []
        for replicas in settings.replicas {
            let database = try ServeBenchmarkDatabase(url: url)
            defer { database.remove() }
            let servers = try (0..<replicas).map { _ in try ServeBenchmarkServer(model: model, inputs: inputs, workers: settings.workers,
                                                                                 open: database.open) }
            defer { servers.forEach { $0.stop() } }
            let ports = servers.map(\.port)
            for concurrency in settings.concurrency {
                let load = try ServeLoad(ports: ports, conversations: concurrency, seconds: quick ? 1 : settings.seconds,
                                         thinkSeconds: settings.thinkSeconds).run()
                let pacing = settings.thinkSeconds > 0 ? ".think\(String(format: "%g", settings.thinkSeconds))s" : ""
                let prefix = "serve.\(backend).replicas\(replicas).conversations\(concurrency)\(pacing)"
                records.append(BenchmarkRecord(name: "\(prefix).turns_per_second", value: load.turnsPerSecond, unit: "turns/s"))
                records.append(BenchmarkRecord(name: "\(prefix).p50", value: load.latencies.percentile(50), unit: "ms"))
                records.append(BenchmarkRecord(name: "\(prefix).p99", value: load.latencies.percentile(99), unit: "ms"))
                records.append(BenchmarkRecord(name: "\(prefix).failed", value: Double(load.failures), unit: "requests"))
            }
        }
        return records
    }
}

/// A fresh store for one configuration: a temporary SQLite file, or a private PostgreSQL schema.
struct ServeBenchmarkDatabase {
    private let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bench-serve-\(UUID().uuidString)")
    private let url: String?
    private let schema = "bench_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")

    init(url: String?) throws {
        self.url = url
        if let url { try PostgresConnection(url: url).executeScript("CREATE SCHEMA \(schema)") }
    }

    /// A new connection to the store (redacting as the demo shop's policy says).
    func open(policy: StoragePolicy) throws -> any ConversationStore {
        if let url { return try PostgresConversationStore(url: url, policy: policy, settings: ["options": "-c search_path=\(schema)"]) }
        return try SQLiteConversationStore(path: directory.appendingPathComponent("chatbot.sqlite").path, policy: policy)
    }

    func remove() {
        if let url { try? PostgresConnection(url: url).executeScript("DROP SCHEMA \(schema) CASCADE") }
        try? FileManager.default.removeItem(at: directory)
    }
}
