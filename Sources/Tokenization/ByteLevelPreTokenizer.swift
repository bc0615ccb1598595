// Splits normalised UTF-8 into pre-tokens exactly as HF's ByteLevel regex
// `'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+` does, by a
// hand-written scanner; optionally isolates each CJK ideograph first (HF `Split`, `Isolated`).

/// The GPT-2 pre-tokenisation as a scanner over UTF-8 bytes.
public struct ByteLevelPreTokenizer: Sendable, Equatable {
    /// Give each CJK ideograph a pre-token of its own (our training default).
    public var splitIdeographs: Bool
    /// Put a space in front of text that does not start with one (HF `add_prefix_space`).
    public var addPrefixSpace: Bool

    /// A pre-tokenizer; ideographs split by default, no prefix space.
    public init(splitIdeographs: Bool = true, addPrefixSpace: Bool = false) {
        self.splitIdeographs = splitIdeographs
        self.addPrefixSpace = addPrefixSpace
    }

    /// Length in bytes of the UTF-8 sequence that starts with `lead`.
    @inline(__always)
    static func sequenceLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// The scalar value of the UTF-8 sequence at `i` (input must be valid UTF-8).
    @inline(__always)
    static func scalar(_ p: UnsafeBufferPointer<UInt8>, at i: Int, length: Int) -> UInt32 {
        let b0 = UInt32(p[i])
        switch length {
        case 1: return b0
        case 2: return (b0 & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F)
        case 3: return (b0 & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F)
        default:
            return (b0 & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6
                | UInt32(p[i + 3] & 0x3F)
        }
    }

    /// Class and byte length of the scalar at `i`.
    @inline(__always)
    func classify(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> (ScalarClass, Int) {
        let lead = p[i]
        if lead < 0x80 { return (ScalarClass.ascii(lead), 1) }
        let length = Self.sequenceLength(lead)
        return (ScalarClass.of(Self.scalar(p, at: i, length: length), splitIdeographs: splitIdeographs), length)
    }

    /// Appends the end offset of every pre-token of valid UTF-8 `p` to `ends`; pre-tokens tile `p`.
    public func split(_ p: UnsafeBufferPointer<UInt8>, ends: inout [Int]) {
        let n = p.count
        var i = 0
        while i < n {
            i = tokenEnd(p, from: i)
            ends.append(i)
        }
    }

    /// The end of the pre-token that starts at `start`.
    @inline(__always)
    func tokenEnd(_ p: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let n = p.count
        let (kind, length) = classify(p, at: start)
        if p[start] == 0x27, start + 1 < n, let end = contractionEnd(p, from: start) { return end }
        switch kind {
        case .ideograph:
            return start + length
        case .letter, .number, .other:
            return runEnd(p, from: start + length, kind: kind)
        case .whitespace:
            if p[start] == 0x20, start + 1 < n {
                let (next, nextLength) = classify(p, at: start + 1)
                if next == .letter || next == .number || next == .other {
                    return runEnd(p, from: start + 1 + nextLength, kind: next)
                }
            }
            return whitespaceEnd(p, from: start, firstLength: length)
        }
    }

    /// End of a run of scalars of class `kind` continuing at `i`.
    @inline(__always)
    func runEnd(_ p: UnsafeBufferPointer<UInt8>, from i: Int, kind: ScalarClass) -> Int {
        var i = i
        let n = p.count
        while i < n {
            let (next, length) = classify(p, at: i)
            if next != kind { break }
            i += length
        }
        return i
    }

    /// `\s+(?!\S)|\s+`: the whole run at the end of text (or before an isolated ideograph),
    /// else the run without its last scalar when that leaves at least one.
    func whitespaceEnd(_ p: UnsafeBufferPointer<UInt8>, from start: Int, firstLength: Int) -> Int {
        let n = p.count
        var lastStart = start
        var i = start + firstLength
        var count = 1
        while i < n {
            let (next, length) = classify(p, at: i)
            if next == .ideograph { return i }
            if next != .whitespace { break }
            lastStart = i
            i += length
            count += 1
        }
        if i == n || count == 1 { return i }
        return lastStart
    }

    /// `'s|'t|'re|'ve|'m|'ll|'d` at `start` (which holds an apostrophe), or nil.
    @inline(__always)
    func contractionEnd(_ p: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let n = p.count
        switch p[start + 1] {
        case UInt8(ascii: "s"), UInt8(ascii: "t"), UInt8(ascii: "m"), UInt8(ascii: "d"):
            return start + 2
        case UInt8(ascii: "r"), UInt8(ascii: "v"):
            return start + 2 < n && p[start + 2] == UInt8(ascii: "e") ? start + 3 : nil
        case UInt8(ascii: "l"):
            return start + 2 < n && p[start + 2] == UInt8(ascii: "l") ? start + 3 : nil
        default:
            return nil
        }
    }

    /// The pre-tokens of a string, for tests and tools.
    public func pieces(of text: String) -> [String] {
        var copy = text
        return copy.withUTF8 { p in
            var ends: [Int] = []
            split(p, ends: &ends)
            var start = 0
            return ends.map { end in
                defer { start = end }
                return String(decoding: UnsafeBufferPointer(rebasing: p[start..<end]), as: UTF8.self)
            }
        }
    }
}
