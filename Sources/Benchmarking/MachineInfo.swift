// What the machine can do in theory: core count and clock from /proc/cpuinfo, and the FP32
// peak they imply (AVX-512: two FMA units × 16 lanes × 2 FLOP = 32 FLOP per cycle per core).
import Foundation

/// The processor figures a benchmark is compared against.
public struct MachineInfo: Sendable {
    /// Logical cores available to this process.
    public var cores: Int
    /// Clock in MHz as /proc/cpuinfo reports it (the first `cpu MHz` line), or nil.
    public var clockMHz: Double?
    /// Whether the CPU advertises AVX-512F.
    public var hasAVX512: Bool

    /// Reads the current machine.
    public static func current() -> MachineInfo {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let clock = cpuinfo.split(separator: "\n")
            .first { $0.hasPrefix("cpu MHz") }
            .flatMap { $0.split(separator: ":").last }
            .flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        return MachineInfo(
            cores: ProcessInfo.processInfo.activeProcessorCount,
            clockMHz: clock,
            hasAVX512: cpuinfo.contains(" avx512f"))
    }

    /// FP32 FLOP per cycle per core: 32 with AVX-512, 16 with AVX2 FMA.
    public var flopsPerCycle: Double { hasAVX512 ? 32 : 16 }

    /// Theoretical FP32 peak in GFLOP/s for `threads` cores, or nil without a clock reading.
    public func peakGFLOPs(threads: Int) -> Double? {
        clockMHz.map { Double(min(threads, cores)) * $0 / 1000 * flopsPerCycle }
    }
}
