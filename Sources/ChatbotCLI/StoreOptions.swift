// The database flags shared by the commands that read or write conversations (`chat` and
// `transcripts`): `--database PATH` or `--database-url URL`, else the environment.
import ArgumentParser
import ConversationStorage

/// `--database PATH` (SQLite) or `--database-url postgres://…`; without either,
/// `CHATBOT_DATABASE_URL`, then `./.chatbot/chatbot.sqlite`.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("database"),
            help: ArgumentHelp("The SQLite database file (default ./.chatbot/chatbot.sqlite).", valueName: "PATH"))
    var databasePath: String?

    @Option(name: .customLong("database-url"),
            help: ArgumentHelp("A PostgreSQL server, postgres://user:pass@host:port/db (default: $CHATBOT_DATABASE_URL).",
                               valueName: "URL"))
    var databaseURL: String?

    func validate() throws {
        if databasePath != nil, databaseURL != nil {
            throw ValidationError("Give either --database PATH or --database-url URL, not both.")
        }
    }

    /// Where the store is, from the flags and the environment.
    func location() throws(StorageError) -> StoreLocation {
        try StoreLocation.resolve(databasePath: databasePath, databaseURL: databaseURL)
    }

    /// Opens the store; a failure is one line on standard error and a non-zero exit.
    func open(policy: StoragePolicy = .standard, fsyncEveryCommit: Bool = true) throws -> any ConversationStore {
        do {
            let location = try location()
            do {
                return try location.open(policy: policy, fsyncEveryCommit: fsyncEveryCommit)
            } catch {
                // libpq's message already names the server (without the password).
                if case .postgres = location { throw CommandFailure("cannot open the conversation store: \(error.message)") }
                throw CommandFailure("cannot open the conversation store (\(location)): \(error.message)")
            }
        } catch let error as StorageError {
            throw CommandFailure(error.message)
        }
    }
}
