// The learning-rate curve for training: linear warm-up from 0 to the peak, then a half cosine
// down to a floor at the last step, and the floor after that.
import Foundation

/// Linear warm-up then cosine decay to a floor.
public struct LearningRateSchedule: Codable, Sendable, Equatable {
    /// The rate reached at the end of warm-up.
    public var peak: Float
    /// The rate at and after `totalSteps`.
    public var floor: Float
    /// Steps of linear warm-up (step s < warmup gives peak · (s + 1) / warmup).
    public var warmupSteps: Int
    /// The step at which the cosine reaches the floor.
    public var totalSteps: Int

    /// A schedule peaking at `peak` after `warmupSteps` and decaying to `floor` at `totalSteps`.
    public init(peak: Float, floor: Float = 0, warmupSteps: Int, totalSteps: Int) {
        self.peak = peak
        self.floor = floor
        self.warmupSteps = max(0, warmupSteps)
        self.totalSteps = max(totalSteps, self.warmupSteps)
    }

    /// The rate for 0-based `step`.
    public func rate(at step: Int) -> Float {
        if step < warmupSteps { return peak * Float(step + 1) / Float(warmupSteps) }
        if step >= totalSteps { return floor }
        let progress = Float(step - warmupSteps) / Float(max(1, totalSteps - warmupSteps))
        return floor + (peak - floor) * 0.5 * (1 + cos(Float.pi * progress))
    }
}
