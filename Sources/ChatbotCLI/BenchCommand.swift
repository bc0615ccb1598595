// `chatbot bench`: runs the benchmark suites and prints one JSON line per figure.
import ArgumentParser
import Benchmarking

/// Prints benchmark figures as JSON lines.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure speed; prints one JSON line {\"name\",\"value\",\"unit\"} per figure.")

    @Option(name: .long, parsing: .upToNextOption,
            help: "Suites to run; all but intents (Banking77 training, 20+ minutes) by default.")
    var suite: [BenchmarkSuite] = BenchmarkSuite.defaultSuites

    @Flag(name: .long, help: "Fewer sizes and shorter runs, for a smoke test.")
    var quick = false

    func run() throws {
        for selected in suite {
            for record in selected.run(quick: quick) {
                print(record.jsonLine)
            }
        }
    }
}

extension BenchmarkSuite: ExpressibleByArgument {}
