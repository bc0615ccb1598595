// The words around a request that are not the request: greetings ("Hi team,", "Dear Sir or
// Madam,"), sign-offs ("Best regards," "Thanks, Anna") with the name, title and phone lines
// below them, and the signatures phones and apps add ("Sent from my iPhone").

/// Recognises greetings, sign-offs and device signatures.
enum MailSignOffs {
    /// Whether `line` is only a greeting, optionally with a name: "Hello,", "Hi Anna!", "Dear support team,"
    /// (up to five words ending in `,` `!` `:` or `.`, or up to three without).
    static func isGreeting(_ line: String) -> Bool {
        let words = normalisedWords(line)
        let closed = [",", "!", ":", "."].contains { line.hasSuffix($0) }
        guard !words.isEmpty, words.count <= (closed ? 5 : 3), !line.contains("?") else { return false }
        let text = words.joined(separator: " ")
        return greetings.contains { text == $0 || text.hasPrefix($0 + " ") }
    }

    /// Start of a closing sign-off: the last line that is a sign-off phrase (optionally with a
    /// name after a comma) followed by at most five short lines (name, title, company, phone).
    static func signOffStart(in lines: [String]) -> Int? {
        var trailing = 0
        for index in lines.indices.reversed() {
            let line = lines[index].trimmingWhitespace()
            if line.isEmpty { continue }
            if isSignOff(line) { return index }
            trailing += 1
            if trailing > 5 || line.count > 50 || line.contains("?") { return nil }
        }
        return nil
    }

    /// "Sent from my iPhone", "Get Outlook for Android" and the like.
    static func isDeviceSignature(_ line: String) -> Bool {
        let lower = line.trimmingWhitespace().lowercased()
        return lower.count < 80 && (lower.hasPrefix("sent from my ") || lower.hasPrefix("get outlook for ")
            || lower.hasPrefix("sent from outlook") || lower.hasPrefix("sent from mail for "))
    }

    private static func isSignOff(_ line: String) -> Bool {
        // "Thanks, Anna" and "Best regards, Anna Smith": the phrase is what precedes the comma.
        let pieces = line.split(separator: ",", maxSplits: 1).map(String.init)
        guard let phrase = pieces.first else { return false }
        let name = pieces.count > 1 ? normalisedWords(pieces[1]) : []
        guard name.count <= 3 else { return false }
        return signOffs.contains(normalisedWords(phrase).joined(separator: " "))
    }

    /// Lower-cased words without the punctuation around them.
    private static func normalisedWords(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" })
            .map { $0.trimmingPunctuation() }
            .filter { !$0.isEmpty }
    }

    private static let greetings = [
        "hi", "hello", "hey", "dear", "hiya", "howdy", "greetings", "good morning", "good afternoon",
        "good evening", "good day", "to whom it may concern", "hallo", "bonjour", "hola",
    ]

    private static let signOffs: Set<String> = [
        "thanks", "thank you", "thanks a lot", "many thanks", "thanks in advance", "thank you in advance",
        "thanks again", "thank you very much", "thx", "ty", "cheers", "best", "all the best", "regards",
        "best regards", "kind regards", "warm regards", "warmest regards", "with regards", "with kind regards",
        "kindest regards", "sincerely", "yours sincerely", "sincerely yours", "yours truly", "yours faithfully",
        "respectfully", "best wishes", "cordially", "take care", "talk soon", "mit freundlichen grüßen",
        "viele grüße", "liebe grüße", "beste grüße", "grüße", "gruß", "danke", "vielen dank", "danke schön",
        "merci", "cordialement", "gracias", "saludos", "br",
    ]
}
