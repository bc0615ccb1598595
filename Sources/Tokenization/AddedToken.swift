// Tokens outside BPE: control markers (`<bos>`, `<intent:NAME>`), slot placeholders
// (`{order_id}`), and the leftmost-longest matcher that cuts them out of text before BPE runs.

/// A token matched whole in text and never split or produced by merges (HF `added_tokens`).
public struct AddedToken: Sendable, Equatable, Hashable {
    /// Its id.
    public var id: Int
    /// Its exact text, e.g. `<eos>` or `{order_id}`.
    public var content: String
    /// Whether it is a control token (HF `special`; skipped by `decode(skipSpecialTokens:)`).
    public var special: Bool

    /// A token with the given id and text.
    public init(id: Int, content: String, special: Bool) {
        self.id = id
        self.content = content
        self.special = special
    }
}

/// The tokens every tokenizer we train starts with, in id order.
public enum SpecialTokens {
    /// Control markers: padding, sequence bounds, unknown, speaker turns and the intent slot.
    public static let control = ["<pad>", "<bos>", "<eos>", "<unk>", "<customer>", "<agent>", "<cls>"]
    /// Slot placeholders replies are generated with, filled from extracted entities.
    public static let placeholders = [
        "{order_id}", "{email}", "{amount}", "{name}", "{phone}", "{date}", "{card_last4}", "{account_id}",
    ]

    /// The marker for one intent, e.g. `<intent:card_arrival>`.
    public static func intent(_ name: String) -> String { "<intent:\(name)>" }
}

/// How `encode` treats added-token text found in its input.
public enum AddedTokenPolicy: Sendable {
    /// `<eos>` in the text becomes the `<eos>` id (HF behaviour; for our own markup).
    case recognize
    /// Everything is ordinary text: a customer typing `<eos>` gets byte tokens, never the id.
    case treatAsText
}

/// Finds added tokens in UTF-8 text, leftmost first and longest at a position.
struct AddedTokenMatcher: Sendable {
    /// Candidates by first byte: (bytes, id), longest first.
    private let byFirstByte: [[([UInt8], Int32)]]
    /// Whether there is nothing to match.
    let isEmpty: Bool

    init(_ tokens: [AddedToken]) {
        var table = [[([UInt8], Int32)]](repeating: [], count: 256)
        for token in tokens where !token.content.isEmpty {
            let bytes = Array(token.content.utf8)
            table[Int(bytes[0])].append((bytes, Int32(token.id)))
        }
        byFirstByte = table.map { $0.sorted { $0.0.count > $1.0.count } }
        isEmpty = tokens.isEmpty
    }

    /// The next match at or after `start`: its byte range and id, or nil.
    @inline(__always)
    func nextMatch(in p: UnsafeBufferPointer<UInt8>, from start: Int) -> (start: Int, end: Int, id: Int32)? {
        var i = start
        let n = p.count
        while i < n {
            let candidates = byFirstByte[Int(p[i])]
            for (bytes, id) in candidates where bytes.count <= n - i {
                var equal = true
                for k in 1..<bytes.count where p[i + k] != bytes[k] {
                    equal = false
                    break
                }
                if equal { return (i, i + bytes.count, id) }
            }
            i += 1
        }
        return nil
    }
}
