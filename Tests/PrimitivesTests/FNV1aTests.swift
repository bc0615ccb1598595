// FNV-1a 64 against the published test vectors, and the seed and word helpers the featurizers use.
import Primitives
import Testing

@Test func hashesMatchThePublishedFNV1a64Vectors() {
    #expect(FNV1a.hash([UInt8]()) == 0xcbf2_9ce4_8422_2325)
    #expect(FNV1a.hash(Array("a".utf8)) == 0xaf63_dc4c_8601_ec8c)
    #expect(FNV1a.hash(Array("foobar".utf8)) == 0x8594_4171_f739_67e8)
}

@Test func byteByByteEqualsAllAtOnceAndSeedsSeparateKinds() {
    var hasher = FNV1a()
    for byte in "foobar".utf8 { hasher.combine(byte) }
    #expect(hasher.value == FNV1a.hash(Array("foobar".utf8)))
    #expect(FNV1a.hash(Array("ab".utf8), seed: 3) != FNV1a.hash(Array("ab".utf8), seed: 4))
}

@Test func aWordIsMixedLeastSignificantByteFirst() {
    var word = FNV1a()
    word.combine(littleEndian: 0x0403_0201)
    #expect(word.value == FNV1a.hash([1, 2, 3, 4] as [UInt8]))
}
