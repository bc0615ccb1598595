// An open-addressing map from a packed pair of token ids (left << 32 | right) to a 64-bit value:
// the merge-rank table of the encoder and the pair index of the trainer.

/// A hash map `UInt64 → UInt64` with no deletion, for packed id pairs.
struct PairTable: Sendable {
    private var keys: [UInt64]
    private var values: [UInt64]
    /// The number of keys stored.
    private(set) var count = 0
    private static let empty = UInt64.max

    /// An empty table sized for about `capacity` keys.
    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: Self.empty, count: size)
        values = [UInt64](repeating: 0, count: size)
    }

    /// Packs two ids into one key.
    @inline(__always)
    static func key(_ left: Int32, _ right: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: left)) << 32 | UInt64(UInt32(bitPattern: right))
    }

    @inline(__always)
    private static func slot(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The value for `key`, or nil.
    @inline(__always)
    func value(for key: UInt64) -> UInt64? {
        keys.withUnsafeBufferPointer { keyBuffer in
            let mask = keyBuffer.count - 1
            var slot = Self.slot(key, mask: mask)
            while true {
                let stored = keyBuffer[slot]
                if stored == key { return values[slot] }
                if stored == Self.empty { return nil }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Sets the value for `key`.
    mutating func set(_ value: UInt64, for key: UInt64) {
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var slot = Self.slot(key, mask: mask)
        while keys[slot] != Self.empty && keys[slot] != key { slot = (slot + 1) & mask }
        if keys[slot] == Self.empty { count += 1 }
        keys[slot] = key
        values[slot] = value
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: Self.empty, count: oldKeys.count * 2)
        values = [UInt64](repeating: 0, count: oldKeys.count * 2)
        count = 0
        for (key, value) in zip(oldKeys, oldValues) where key != Self.empty { set(value, for: key) }
    }
}
