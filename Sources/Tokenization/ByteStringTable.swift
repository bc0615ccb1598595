// An open-addressing hash set of byte strings kept in one arena, so hot loops can look up a
// pre-token by pointer and length without building a String or an Array key.
import Primitives

/// Interns byte strings; each distinct string gets a dense index 0, 1, 2, ….
struct ByteStringTable {
    /// Entry index + 1 per slot; 0 marks an empty slot. Count is a power of two.
    private var slots: [Int32]
    /// Concatenated bytes of every entry.
    private(set) var arena: [UInt8] = []
    /// Start of each entry in `arena`, plus one final end offset.
    private(set) var starts: [Int] = [0]
    private var hashes: [UInt32] = []

    /// The number of distinct strings.
    var count: Int { hashes.count }

    /// An empty table sized for about `capacity` strings.
    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
    }

    /// FNV-1a over the bytes, folded to 32 bits.
    @inline(__always)
    static func hash(_ p: UnsafeRawBufferPointer) -> UInt32 {
        let h = FNV1a.hash(p)
        return UInt32(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// The bytes of entry `index`.
    func bytes(of index: Int) -> ArraySlice<UInt8> { arena[starts[index]..<starts[index + 1]] }

    /// The index of `key`, or -1.
    @inline(__always)
    func find(_ key: UnsafeRawBufferPointer) -> Int {
        find(key, hash: Self.hash(key))
    }

    @inline(__always)
    private func find(_ key: UnsafeRawBufferPointer, hash: UInt32) -> Int {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        return slots.withUnsafeBufferPointer { slotBuffer in
            arena.withUnsafeBufferPointer { arenaBuffer in
                while true {
                    let entry = Int(slotBuffer[slot]) - 1
                    if entry < 0 { return -1 }
                    if hashes[entry] == hash {
                        let start = starts[entry], length = starts[entry + 1] - start
                        if length == key.count {
                            if length == 0 { return entry }
                            if let base = arenaBuffer.baseAddress, memcmpEqual(base + start, key, length) {
                                return entry
                            }
                        }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// The index of `key`, adding it if new; `isNew` says which.
    @inline(__always)
    mutating func insert(_ key: UnsafeRawBufferPointer) -> (index: Int, isNew: Bool) {
        let hash = Self.hash(key)
        let found = find(key, hash: hash)
        if found >= 0 { return (found, false) }
        if (count + 1) * 2 > slots.count { grow() }
        let index = count
        arena.append(contentsOf: key)
        starts.append(arena.count)
        hashes.append(hash)
        place(index, hash: hash)
        return (index, true)
    }

    private mutating func place(_ index: Int, hash: UInt32) {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index + 1)
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        for index in 0..<count { place(index, hash: hashes[index]) }
    }
}

/// Byte equality of two buffers of `length` bytes.
@inline(__always)
func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafeRawBufferPointer, _ length: Int) -> Bool {
    guard let base = b.baseAddress else { return length == 0 }
    let bp = base.assumingMemoryBound(to: UInt8.self)
    var i = 0
    while i + 8 <= length {
        if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self)
            != UnsafeRawPointer(bp + i).loadUnaligned(as: UInt64.self) { return false }
        i += 8
    }
    while i < length {
        if a[i] != bp[i] { return false }
        i += 1
    }
    return true
}
