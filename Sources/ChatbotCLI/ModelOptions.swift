// The model flag every command that reads with a trained model shares (chat, generate,
// evaluate, sentiment): `--model DIR`, else the active version in models/.
import ArgumentParser

/// `--model DIR`: a trained model folder; without it, the active version in models/.
struct ModelOptions: ParsableArguments {
    @Option(name: .customLong("model"),
            help: ArgumentHelp("A trained model folder (default: the active version in models/).", valueName: "DIR"))
    var path: String?
}
