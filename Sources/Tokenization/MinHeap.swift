// A binary min-heap of UInt64 keys (callers pack priority and payload into one word); used for
// the long-word merge loop and, with inverted keys, the trainer's most-frequent-pair queue.

/// A binary min-heap of packed 64-bit keys.
struct MinHeap {
    private var items: [UInt64] = []

    /// Whether the heap is empty.
    var isEmpty: Bool { items.isEmpty }

    /// Adds a key.
    mutating func push(_ item: UInt64) {
        items.append(item)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            if items[parent] <= items[child] { break }
            items.swapAt(parent, child)
            child = parent
        }
    }

    /// Removes and returns the smallest key, or nil when empty.
    mutating func pop() -> UInt64? {
        guard let last = items.popLast() else { return nil }
        guard !items.isEmpty else { return last }
        let top = items[0]
        items[0] = last
        var parent = 0
        let n = items.count
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < n, items[left] < items[smallest] { smallest = left }
            if right < n, items[right] < items[smallest] { smallest = right }
            if smallest == parent { break }
            items.swapAt(parent, smallest)
            parent = smallest
        }
        return top
    }
}
