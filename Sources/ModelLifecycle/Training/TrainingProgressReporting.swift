// How a training run reports progress to whoever shows it (the CLI's progress bar, a server's
// log): every step's figures, then the end of training.
import LanguageModeling

/// Receives a training run's progress.
public protocol TrainingProgressReporting {
    /// One step's (or epoch end's) figures: loss, accuracy, tokens/s, elapsed time.
    func update(_ progress: TrainingProgress)
    /// Training ended (successfully or not); nothing more will be reported.
    func finish()
}
