// The one FNV-1a (64-bit) of the package: n-gram hash buckets, example-set fingerprints and
// the tokenizer's byte-string table all mix bytes through this.

/// An FNV-1a 64-bit hash being computed, one byte at a time.
///
/// `seed` is XORed into the offset basis, so that two kinds of item hashed from the same bytes
/// land in different buckets (character n-grams and words, say).
public struct FNV1a: Hashable, Sendable {
    /// The FNV-1a 64-bit offset basis.
    public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    /// The FNV-1a 64-bit prime.
    public static let prime: UInt64 = 0x100_0000_01b3

    /// The hash of everything combined so far.
    public var value: UInt64 { state }

    @usableFromInline var state: UInt64

    /// A hash of nothing yet, with `seed` XORed into the offset basis (0: plain FNV-1a).
    @inlinable
    public init(seed: UInt64 = 0) {
        state = Self.offsetBasis ^ seed
    }

    /// Mixes in one byte.
    @inlinable
    public mutating func combine(_ byte: UInt8) {
        state = (state ^ UInt64(byte)) &* Self.prime
    }

    /// Mixes in every byte of `bytes`, in order.
    @inlinable
    public mutating func combine(bytes: some Sequence<UInt8>) {
        for byte in bytes { combine(byte) }
    }

    /// Mixes in the four bytes of `word`, least significant first.
    @inlinable
    public mutating func combine(littleEndian word: UInt32) {
        var remaining = word
        for _ in 0..<4 {
            combine(UInt8(truncatingIfNeeded: remaining))
            remaining >>= 8
        }
    }

    /// The FNV-1a 64-bit hash of `bytes`.
    @inlinable
    public static func hash(_ bytes: some Sequence<UInt8>, seed: UInt64 = 0) -> UInt64 {
        var hasher = FNV1a(seed: seed)
        hasher.combine(bytes: bytes)
        return hasher.value
    }
}
