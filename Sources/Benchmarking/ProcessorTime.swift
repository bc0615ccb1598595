// The processor time this process has used (user + system, all threads), for figures taken on a
// shared machine: wall time there depends on everyone else's load, processor time much less.
import Foundation

/// User plus system time of this process.
enum ProcessorTime {
    /// Seconds of processor time used so far by every thread of this process.
    static func seconds() -> Double {
        var usage = rusage()
        guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return 0 }
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// Runs `body` and returns its result with the processor seconds it used.
    static func measuring<T>(_ body: () throws -> T) rethrows -> (result: T, seconds: Double) {
        let start = seconds()
        let result = try body()
        return (result, seconds() - start)
    }
}
