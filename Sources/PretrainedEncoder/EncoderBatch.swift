// Texts tokenised and padded to one length for a batched forward pass.
// Shapes: ids, typeIDs [B·T] (row-major, padded with the tokenizer's pad id), lengths [B].

/// A padded batch of encodings.
public struct EncoderBatch: Sendable, Equatable {
    /// B, the number of sequences.
    public var count: Int
    /// T, the padded length.
    public var time: Int
    /// Token ids [B·T].
    public var ids: [Int]
    /// Token type ids [B·T].
    public var typeIDs: [Int]
    /// The valid (unpadded) length of each sequence, at least 1.
    public var lengths: [Int]

    /// Pads `encodings` (each at least one token) to the longest with `paddingID`.
    public init(_ encodings: [(ids: [Int32], typeIDs: [Int32])], paddingID: Int32) {
        count = encodings.count
        time = encodings.map(\.ids.count).max() ?? 0
        lengths = encodings.map(\.ids.count)
        ids = []
        typeIDs = []
        ids.reserveCapacity(count * time)
        typeIDs.reserveCapacity(count * time)
        for encoding in encodings {
            ids += encoding.ids.map(Int.init)
            typeIDs += encoding.typeIDs.map(Int.init)
            let padding = time - encoding.ids.count
            ids += [Int](repeating: Int(paddingID), count: padding)
            typeIDs += [Int](repeating: 0, count: padding)
        }
    }
}
