// Turns reply texts with `{slot}` placeholders into what the customer reads: checks a generated
// reply, picks a template reply in rotation, and fills slots and the shop's fixed placeholders.
import FileFormats
import Foundation

/// Fills and checks replies for one intent catalog.
public struct ReplyComposer: Sendable {
    /// Fixed placeholders from the shop profile (`shop_name`, `shop_email`, `shop_phone`,
    /// `shop_address`, `support_hours`, `store_hours`), present only when the profile has them.
    public let fixedValues: [String: String]
    /// Placeholders the team's own template replies use besides slots and fixed ones (replies
    /// learnt from data such as Bitext's `{website_name}`): a generated reply may use them too,
    /// and they stay as written when nothing fills them.
    public let templatePlaceholders: Set<String>

    /// A composer for `domain`'s shop profile; `templates` are the catalog's template replies.
    public init(domain: DomainLists, templates: [String] = []) {
        fixedValues = domain.shopPlaceholderValues
        templatePlaceholders = Set(templates.flatMap(ResponseTemplate.placeholders(in:)))
    }

    /// Every placeholder a reply may use: the slot names, the fixed ones and the templates' own.
    public var knownPlaceholders: Set<String> {
        Set(EntityKind.slotKinds.map(\.rawValue)).union(fixedValues.keys).union(templatePlaceholders)
    }

    /// `text` with slots and fixed placeholders filled.
    public func fill(_ text: String, slots: [EntityKind: String]) -> String {
        var values = fixedValues
        for (kind, value) in slots { values[kind.rawValue] = value }
        return ResponseTemplate.fill(text, with: values)
    }

    /// The filled reply if `text` passes the checks, else why not: not empty, no unknown
    /// placeholder, every placeholder fillable, not a repeat of `lastReply`, ending as a
    /// finished sentence (a small model stops mid-sentence: "I can send a").
    public func checked(_ text: String, slots: [EntityKind: String], lastReply: String?) -> Result<String, ReplyRejection> {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return .failure(.empty) }
        let known = knownPlaceholders
        for name in ResponseTemplate.placeholders(in: text) {
            guard known.contains(name) else { return .failure(.unknownPlaceholder(name)) }
            if let kind = EntityKind(rawValue: name), slots[kind] == nil { return .failure(.unfilledSlot(name)) }
        }
        let filled = fill(text, slots: slots)
        if let lastReply, Self.sameText(filled, lastReply) { return .failure(.repeatsLastReply) }
        guard Self.endsAsSentence(text) else { return .failure(.unfinished) }
        return .success(filled)
    }

    /// The template reply of `intent` for its `use`-th answer: the responses whose slots are all
    /// filled, taken in turn (skipping one equal to `lastReply`); nil if none is fillable.
    public func templateReply(for intent: IntentDefinition, use: Int, slots: [EntityKind: String], lastReply: String?) -> String? {
        let candidates = intent.responses.map(\.text).filter { response in
            ResponseTemplate.placeholders(in: response).allSatisfy { name in
                if let kind = EntityKind(rawValue: name) { return slots[kind] != nil }
                return fixedValues[name] != nil
            }
        }
        guard !candidates.isEmpty else { return nil }
        for offset in 0..<candidates.count {
            let filled = fill(candidates[(use + offset) % candidates.count], slots: slots)
            if let lastReply, Self.sameText(filled, lastReply), candidates.count > 1 { continue }
            return filled
        }
        return fill(candidates[use % candidates.count], slots: slots)
    }

    /// Whether `text` ends with a sentence's closing mark (`.`, `!`, `?`, `…`, optionally followed
    /// by a closing quote or bracket), an emoji, or a placeholder (an address or a link closes a
    /// reply well: "Questions? {shop_email}").
    static func endsAsSentence(_ text: String) -> Bool {
        let closers: Set<Character> = ["\"", "'", "”", "’", ")", "]"]
        var end = text.trimmingCharacters(in: .whitespacesAndNewlines)
        while let last = end.last, closers.contains(last) { end.removeLast() }
        guard let last = end.last else { return false }
        return ".!?…}".contains(last) || last.unicodeScalars.contains { $0.properties.isEmojiPresentation }
    }

    /// Equal ignoring case and runs of whitespace.
    static func sameText(_ lhs: String, _ rhs: String) -> Bool {
        IntentCatalog.normalisedExample(lhs) == IntentCatalog.normalisedExample(rhs)
    }
}

/// Why a generated reply was not used.
public enum ReplyRejection: Error, Equatable, Sendable, CustomStringConvertible {
    /// Nothing but whitespace.
    case empty
    /// A `{name}` that is neither a slot nor a fixed placeholder.
    case unknownPlaceholder(String)
    /// A slot placeholder with no value in the conversation.
    case unfilledSlot(String)
    /// The same text as the bot's previous reply.
    case repeatsLastReply
    /// Closer to another intent's template replies than to its own (that intent named).
    case offTopic(String)
    /// Not ending as a finished sentence.
    case unfinished

    /// A short phrase, e.g. `unknown placeholder {colour}`.
    public var description: String {
        switch self {
        case .empty: "empty"
        case let .unknownPlaceholder(name): "unknown placeholder {\(name)}"
        case let .unfilledSlot(name): "unfilled slot {\(name)}"
        case .repeatsLastReply: "repeats the last reply"
        case let .offTopic(closest): "off topic (reads like \(closest))"
        case .unfinished: "unfinished sentence"
        }
    }
}
