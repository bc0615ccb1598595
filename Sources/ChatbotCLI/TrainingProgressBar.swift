// Training progress on standard error: on a terminal one line redrawn in place (bar, epoch,
// loss, validation accuracy, tokens/s, ETA); otherwise one plain line per finished epoch.
import LanguageModeling
import Foundation

/// Shows `TrainingProgress` reports as a redrawn line or as one line per epoch.
package final class TrainingProgressBar {
    /// Whether to redraw one line in place (a terminal) or print one line per epoch.
    package let redraws: Bool
    private let write: (String) -> Void
    private var lastDraw = ContinuousClock.now
    private var drawnWidth = 0
    private var phaseStart: (phase: TrainingProgress.Phase, elapsed: Double)?

    /// A bar writing to `write`; redraws in place when `redraws` (default: standard error is a terminal).
    package init(redraws: Bool = isatty(STDERR_FILENO) == 1,
         write: @escaping (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.redraws = redraws
        self.write = write
    }

    /// Shows one report.
    package func update(_ reported: TrainingProgress) {
        var progress = reported
        progress.estimatedSecondsLeft = estimateLeft(reported)
        let epochDone = progress.isEpochEnd
            || (progress.phase == .languageModelPretraining && progress.step == progress.stepsPerEpoch)
        if redraws {
            let now = ContinuousClock.now
            guard epochDone || now - lastDraw > .milliseconds(100) else { return }
            lastDraw = now
            let line = "\(Self.bar(progress)) \(Self.describe(progress))"
            write("\r\u{1B}[K" + line)
            drawnWidth = line.count
            if progress.isEpochEnd && progress.epoch == progress.epochCount && progress.phase == .training { finish() }
        } else if epochDone {
            write(Self.describe(progress) + "\n")
        }
    }

    /// Seconds left in the current phase, from this phase's own pace (the trainer's estimate
    /// counts the LM pre-training time against the later phase's steps).
    private func estimateLeft(_ progress: TrainingProgress) -> Double {
        if phaseStart?.phase != progress.phase { phaseStart = (progress.phase, progress.elapsedSeconds) }
        let done = (progress.epoch - 1) * progress.stepsPerEpoch + progress.step
        let total = progress.epochCount * progress.stepsPerEpoch
        guard done > 0, let start = phaseStart else { return progress.estimatedSecondsLeft }
        return (progress.elapsedSeconds - start.elapsed) / Double(done) * Double(max(0, total - done))
    }

    /// Ends the redrawn line (call once training is over; harmless otherwise).
    package func finish() {
        if redraws && drawnWidth > 0 { write("\n") }
        drawnWidth = 0
    }

    /// `epoch 3/12 · loss 1.234 · val acc 81.2% · 9.8k tok/s · ETA 1:05`.
    package static func describe(_ progress: TrainingProgress) -> String {
        let phase = switch progress.phase {
        case .languageModelPretraining: "LM pre-training epoch"
        case .training: "epoch"
        case .crossFitting: "cross-fitting epoch"
        }
        var parts = ["\(phase) \(progress.epoch)/\(progress.epochCount)",
                     String(format: "loss %.3f", progress.loss)]
        if let accuracy = progress.validationAccuracy { parts.append(String(format: "val acc %.1f%%", accuracy * 100)) }
        parts.append(String(format: "%.1fk tok/s", progress.tokensPerSecond / 1000))
        parts.append("ETA \(duration(progress.estimatedSecondsLeft))")
        return parts.joined(separator: " · ")
    }

    /// `[#####-----]`: the share of the current epoch done.
    package static func bar(_ progress: TrainingProgress, width: Int = 20) -> String {
        let done = progress.stepsPerEpoch > 0 ? min(width, width * progress.step / progress.stepsPerEpoch) : 0
        return "[" + String(repeating: "#", count: done) + String(repeating: "-", count: width - done) + "]"
    }

    /// `m:ss` (or `h:mm:ss`) for a number of seconds.
    package static func duration(_ seconds: Double) -> String {
        let total = max(0, Int(seconds.rounded()))
        let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
        return hours > 0 ? String(format: "%d:%02d:%02d", hours, minutes, secs) : String(format: "%d:%02d", minutes, secs)
    }
}
