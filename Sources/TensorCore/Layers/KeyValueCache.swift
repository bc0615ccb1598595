// The keys and values one attention layer has seen for one sequence, preallocated to a maximum
// length so incremental decoding allocates nothing per token. Shapes: keys, values [capacity, C].

/// Per-sequence key/value storage for `CausalSelfAttention.decode`.
public final class KeyValueCache {
    /// The most positions the cache can hold.
    public let capacity: Int
    /// C, the attention width.
    public let channels: Int
    /// How many positions are filled (the next token's position).
    public internal(set) var count = 0
    var keys: [Float]
    var values: [Float]
    var scores: [Float]

    /// An empty cache for up to `capacity` positions of width `channels`.
    public init(capacity: Int, channels: Int) {
        precondition(capacity > 0 && channels > 0, "KeyValueCache needs positive sizes")
        self.capacity = capacity
        self.channels = channels
        keys = [Float](repeating: 0, count: capacity * channels)
        values = [Float](repeating: 0, count: capacity * channels)
        scores = [Float](repeating: 0, count: capacity)
    }

    /// Forgets every position, keeping the storage.
    public func reset() { count = 0 }
}
