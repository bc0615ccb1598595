// Loads and validates a whole intents folder: every intent file, the `_entities.yaml` domain
// lists, and the cross-file rule that no example occurs twice; reports every problem at once.
import Foundation
import Primitives

/// All intents of a domain plus its shared entity lists, as read from an intents folder.
public struct IntentCatalog: Sendable {
    /// The intents, sorted by name.
    public var intents: [IntentDefinition]
    /// Products and shop profile from `_entities.yaml` (empty if the folder has none).
    public var domain: DomainLists
    /// The frame of ticket replies from `_ticket.yaml` (the defaults if the folder has none).
    public var ticketTemplate: TicketTemplate

    /// Creates a catalog from already-validated parts.
    public init(intents: [IntentDefinition], domain: DomainLists = DomainLists(), ticketTemplate: TicketTemplate = TicketTemplate()) {
        self.intents = intents.sorted { $0.name < $1.name }
        self.domain = domain
        self.ticketTemplate = ticketTemplate
    }

    /// The intent called `name`, if any.
    public func intent(named name: String) -> IntentDefinition? {
        intents.first { $0.name == name }
    }

    /// Reads every `*.yaml` file of `directory` and validates them (docs/FORMATS.md "Intents").
    ///
    /// - Parameter displayPath: how the folder is named in problems (default: its last path
    ///   component, so problems read `intents/order_status.yaml:14: …`).
    /// - Throws: `FileFormatError` `.io` if the folder cannot be listed, `.invalidData` with every
    ///   problem of every file otherwise.
    public static func load(from directory: URL, displayPath: String? = nil) throws -> IntentCatalog {
        let prefix = displayPath ?? directory.lastPathComponent
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        } catch {
            throw FileFormatError(.io, file: prefix, message: "cannot list the intents folder (\(error.localizedDescription))")
        }
        var files: [(name: String, text: String?)] = []
        for name in names where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let text = try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            files.append((name, text))
        }
        return try validate(files: files, displayPath: prefix)
    }

    /// Validates in-memory files (`name` like `greeting.yaml`; `text` nil if it was unreadable).
    package static func validate(files: [(name: String, text: String?)], displayPath prefix: String) throws -> IntentCatalog {
        var problems: [FileFormatError.Problem] = []
        var intents: [IntentDefinition] = []
        var domain = DomainLists()
        var ticketTemplate = TicketTemplate()
        for (name, text) in files {
            let shown = prefix.isEmpty ? name : "\(prefix)/\(name)"
            guard name.hasSuffix(".yaml") else {
                problems.append(.init(file: shown, line: nil, message: "intent files must end in .yaml"))
                continue
            }
            guard let text else {
                problems.append(.init(file: shown, line: nil, message: "cannot read the file as UTF-8 text"))
                continue
            }
            let stem = String(name.dropLast(5))
            if stem == "_ticket" {
                let (template, found) = TicketTemplateParser.parse(yaml: text, file: shown)
                problems += found
                if let template { ticketTemplate = template }
            } else if stem.hasPrefix("_") {
                guard stem == "_entities" else {
                    problems.append(.init(file: shown, line: nil, message: "unknown shared file (the shared files are _entities.yaml and _ticket.yaml)"))
                    continue
                }
                let (lists, found) = DomainListsParser.parse(yaml: text, file: shown)
                problems += found
                if let lists { domain = lists }
            } else {
                let (intent, found) = IntentFileParser.parse(yaml: text, file: shown, expectedName: stem)
                problems += found
                if let intent { intents.append(intent) }
            }
        }
        if intents.isEmpty && problems.isEmpty {
            problems.append(.init(file: prefix, line: nil, message: "no intent files (*.yaml) in the folder"))
        }
        problems += duplicateExampleProblems(intents)
        let names = Set(intents.map(\.name))
        for intent in intents {
            if let target = intent.whenNegative, !names.contains(target) || target == intent.name {
                problems.append(.init(file: intent.file, line: nil,
                                      message: "when_negative \"\(target)\" must name another intent of the folder"))
            }
        }
        problems += unfilledShopPlaceholderProblems(intents, domain: domain)
        guard problems.isEmpty else { throw FileFormatError(.invalidData, problems: problems) }
        return IntentCatalog(intents: intents, domain: domain, ticketTemplate: ticketTemplate)
    }

    /// One problem per response using a shop placeholder (`{shop_phone}`…) that the shop
    /// profile in `_entities.yaml` does not fill.
    private static func unfilledShopPlaceholderProblems(_ intents: [IntentDefinition], domain: DomainLists) -> [FileFormatError.Problem] {
        let filled = domain.shopPlaceholderValues
        var problems: [FileFormatError.Problem] = []
        for intent in intents {
            for response in intent.responses {
                let names = Set(ResponseTemplate.placeholders(in: response.text))
                for name in names.sorted() where DomainLists.shopPlaceholderNames.contains(name) && filled[name] == nil {
                    problems.append(.init(file: response.location.file, line: response.location.line,
                                          message: "placeholder {\(name)} needs the shop's details in _entities.yaml"))
                }
            }
        }
        return problems
    }

    /// Lower-cased with runs of whitespace collapsed to one space and the ends trimmed: the key
    /// under which two examples count as the same.
    public static func normalisedExample(_ text: String) -> String {
        Words.split(text, keeping: Words.nonWhitespace).joined(separator: " ")
    }

    /// One problem per repeated example, at the later occurrence, naming the first.
    private static func duplicateExampleProblems(_ intents: [IntentDefinition]) -> [FileFormatError.Problem] {
        var first: [String: SourceLocation] = [:]
        var problems: [FileFormatError.Problem] = []
        let ordered = intents.sorted { $0.file < $1.file }
        for intent in ordered {
            for example in intent.examples {
                let key = normalisedExample(example.text)
                if let earlier = first[key] {
                    problems.append(.init(
                        file: example.location.file, line: example.location.line,
                        message: "duplicate example \"\(key)\" (also in \(earlier))"))
                } else {
                    first[key] = example.location
                }
            }
        }
        return problems
    }
}
