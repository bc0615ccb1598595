// Tests of TrainingProgressBar's text: the epoch line, the bar and durations, and that line
// mode prints one line per finished epoch only, with an ETA from the phase's own pace.
import ChatbotCLI
import LanguageModeling
import Testing

private func report(step: Int, epochEnd: Bool, accuracy: Double? = nil, phase: TrainingProgress.Phase = .training,
                    elapsed: Double = 30) -> TrainingProgress {
    TrainingProgress(phase: phase, epoch: 3, epochCount: 12, step: step, stepsPerEpoch: 10, loss: 1.2341,
                     validationAccuracy: accuracy, isEpochEnd: epochEnd, tokensPerSecond: 9_800,
                     elapsedSeconds: elapsed, estimatedSecondsLeft: 65)
}

@Test func epochLineShowsLossAccuracySpeedAndETA() {
    #expect(TrainingProgressBar.describe(report(step: 10, epochEnd: true, accuracy: 0.8125))
            == "epoch 3/12 · loss 1.234 · val acc 81.2% · 9.8k tok/s · ETA 1:05")
    #expect(TrainingProgressBar.describe(report(step: 4, epochEnd: false, phase: .languageModelPretraining))
            == "LM pre-training epoch 3/12 · loss 1.234 · 9.8k tok/s · ETA 1:05")
    #expect(TrainingProgressBar.bar(report(step: 5, epochEnd: false), width: 10) == "[#####-----]")
    #expect(TrainingProgressBar.duration(3_725) == "1:02:05")
}

@Test func lineModePrintsOneLinePerFinishedEpoch() {
    final class Sink: @unchecked Sendable { var text = "" }
    let sink = Sink()
    let bar = TrainingProgressBar(redraws: false) { sink.text += $0 }
    for step in 1...10 { bar.update(report(step: step, epochEnd: false, elapsed: 28 + 2 * Double(step))) }
    bar.update(report(step: 10, epochEnd: true, accuracy: 0.5, elapsed: 50))
    bar.finish()
    // The ETA is this phase's pace: 30 of 120 steps done in the 20 s since the phase's first report.
    #expect(sink.text == "epoch 3/12 · loss 1.234 · val acc 50.0% · 9.8k tok/s · ETA 1:00\n")
}

@Test func terminalModeRedrawsOneLine() {
    final class Sink: @unchecked Sendable { var parts: [String] = [] }
    let sink = Sink()
    let bar = TrainingProgressBar(redraws: true) { sink.parts.append($0) }
    bar.update(report(step: 10, epochEnd: true, accuracy: 0.5))
    bar.finish()
    #expect(sink.parts.first?.hasPrefix("\r\u{1B}[K[####################] epoch 3/12") == true)
    #expect(sink.parts.last == "\n")
}
