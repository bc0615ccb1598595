// Reads one `intents/NAME.yaml` file into an `IntentDefinition`, checking everything that can be
// checked inside one file (keys, types, name, empty lists, placeholders) and collecting problems.
import Yams

/// Parses and validates a single intent file; cross-file checks live in `IntentCatalog`.
struct IntentFileParser {
    static let allowedKeys: Set<String> = ["name", "description", "examples", "responses", "slots", "handoff", "when_negative"]
    static let requiredKeys = ["name", "description", "examples", "responses"]

    /// The intent (nil when a required part is unusable) and every problem found in the file.
    static func parse(yaml: String, file: String, expectedName: String) -> (IntentDefinition?, [FileFormatError.Problem]) {
        var reader = YAMLNodeReader(file: file)
        guard let root = composeReporting(yaml: yaml, into: &reader) else { return (nil, reader.problems) }
        guard let pairs = reader.mapping(root, what: "the intent file", allowed: allowedKeys) else {
            return (nil, reader.problems)
        }
        var fields: [String: (node: Node, line: Int?)] = [:]
        for pair in pairs { fields[pair.key] = (pair.value, pair.line) }
        for key in requiredKeys where fields[key] == nil {
            reader.report("missing key \"\(key)\"", line: root.mark?.line)
        }

        let name = fields["name"].flatMap { readName($0.node, expected: expectedName, reader: &reader) }
        let description = fields["description"].flatMap { reader.string($0.node, what: "description") }
        let examples = fields["examples"].map { readExamples($0.node, file: file, reader: &reader) } ?? []
        let slots = fields["slots"].map { readSlots($0.node, reader: &reader) } ?? [:]
        let responses = fields["responses"].map {
            readResponses($0.node, slots: slots, file: file, reader: &reader)
        } ?? []
        let handoff = fields["handoff"].flatMap { reader.bool($0.node, what: "handoff") } ?? false
        let whenNegative = fields["when_negative"].flatMap { reader.string($0.node, what: "when_negative") }

        guard let name, let description, !examples.isEmpty, !responses.isEmpty else { return (nil, reader.problems) }
        let intent = IntentDefinition(
            name: name, description: description, examples: examples, responses: responses,
            slotQuestions: slots, handoff: handoff, whenNegative: whenNegative, file: file)
        return (intent, reader.problems)
    }

    /// Composes YAML, turning a Yams error into a located problem.
    static func composeReporting(yaml: String, into reader: inout YAMLNodeReader) -> Node? {
        do {
            guard let root = try Yams.compose(yaml: yaml) else {
                reader.report("the file is empty", line: nil)
                return nil
            }
            return root
        } catch let error as YamlError {
            let (line, message) = describe(error)
            if let line, let opened = YAMLQuoteScanner.openQuoteLine(in: yaml, before: line) {
                reader.report("YAML syntax error: a quote opened on this line is not closed on it "
                              + "(the parser stopped at line \(line): \(message))", line: opened)
            } else {
                reader.report("YAML syntax error: \(message)", line: line)
            }
        } catch {
            reader.report("YAML syntax error: \(error)", line: nil)
        }
        return nil
    }

    static func describe(_ error: YamlError) -> (Int?, String) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let suffix = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
            // "unexpected end of stream" points past the file; the construct left open is the place to fix.
            let line = problem.contains("end of stream") ? (context?.mark.line ?? mark.line) : mark.line
            return (line, problem + suffix)
        case let .duplicatedKeysInMapping(duplicates, context):
            return (context.mark.line, "duplicate key \(duplicates.map { "\"\($0)\"" }.joined(separator: ", "))")
        case let .reader(problem, _, _, _):
            return (nil, problem)
        default:
            return (nil, "\(error)")
        }
    }

    private static func readName(_ node: Node, expected: String, reader: inout YAMLNodeReader) -> String? {
        guard let name = reader.string(node, what: "name") else { return nil }
        let valid = name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        if !valid {
            reader.report("name \"\(name)\" may only use a-z, 0-9 and _", at: node)
        }
        if name != expected {
            reader.report("name \"\(name)\" does not match the file name (expected \"\(expected)\")", at: node)
        }
        return name
    }

    private static func readExamples(_ node: Node, file: String, reader: inout YAMLNodeReader) -> [LocatedText] {
        guard let items = reader.sequence(node, what: "examples") else { return [] }
        if items.isEmpty { reader.report("examples is empty: an intent needs at least one example", at: node) }
        var examples: [LocatedText] = []
        for item in items {
            guard let text = reader.string(item, what: "an example") else { continue }
            let line = item.mark?.line ?? 0
            if text.allSatisfy(\.isWhitespace) {
                reader.report("an example is empty", at: item)
                continue
            }
            if let placeholder = ResponseTemplate.placeholders(in: text).first {
                reader.report("example uses placeholder {\(placeholder)}: examples are plain text", at: item)
            }
            examples.append(LocatedText(text, at: SourceLocation(file: file, line: line)))
        }
        return examples
    }

    private static func readSlots(_ node: Node, reader: inout YAMLNodeReader) -> [EntityKind: String] {
        guard let pairs = reader.mapping(node, what: "slots") else { return [:] }
        var slots: [EntityKind: String] = [:]
        for pair in pairs {
            guard let slot = EntityKind(rawValue: pair.key), slot.isSlot else {
                let known = EntityKind.slotKinds.map(\.rawValue).joined(separator: ", ")
                reader.report("unknown slot \"\(pair.key)\" (known slots: \(known))", line: pair.line)
                continue
            }
            if let question = reader.string(pair.value, what: "the question for slot \(pair.key)") {
                slots[slot] = question
            }
        }
        return slots
    }

    private static func readResponses(
        _ node: Node, slots: [EntityKind: String], file: String, reader: inout YAMLNodeReader
    ) -> [LocatedText] {
        guard let items = reader.sequence(node, what: "responses") else { return [] }
        if items.isEmpty { reader.report("responses is empty: an intent needs at least one response", at: node) }
        var responses: [LocatedText] = []
        for item in items {
            guard let text = reader.string(item, what: "a response") else { continue }
            if text.allSatisfy(\.isWhitespace) {
                reader.report("a response is empty", at: item)
                continue
            }
            for placeholder in Set(ResponseTemplate.placeholders(in: text)).sorted() {
                if let slot = EntityKind(rawValue: placeholder) {
                    if slots[slot] == nil {
                        reader.report("placeholder {\(placeholder)} is not listed under slots", at: item)
                    }
                } else if !DomainLists.shopPlaceholderNames.contains(placeholder) {
                    reader.report("unknown placeholder {\(placeholder)} in a response", at: item)
                }
            }
            responses.append(LocatedText(text, at: SourceLocation(file: file, line: item.mark?.line ?? 0)))
        }
        return responses
    }
}
