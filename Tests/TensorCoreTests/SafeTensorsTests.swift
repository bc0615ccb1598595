// safetensors: round trips, byte identity with Python's writer, Python-written files read
// back with their values, and one rejection test per validation rule.
import Foundation
import TensorCore
import Testing

@Test func roundTripKeepsSeveralTensorsShapesAndMetadata() throws {
    var generator = SeededGenerator(seed: 3)
    let tensors: [String: Tensor] = [
        "weight": Tensor.randomNormal([4, 3], using: &generator),
        "scalar": Tensor(shape: [], scalars: [2.5]),
        "one": Tensor(shape: [1], scalars: [-7]),
        "empty": Tensor.zeros([0, 5]),
        "cube": Tensor.randomNormal([2, 3, 2], using: &generator),
    ]
    let url = Fixtures.temporaryURL()
    defer { try? FileManager.default.removeItem(at: url) }
    try SafeTensors.write(tensors, metadata: ["format": "chatbot", "version": "1"], to: url)
    let file = try SafeTensors.read(from: url)
    #expect(file.tensors == tensors)
    #expect(file.metadata == ["format": "chatbot", "version": "1"])
    #expect(file.names == ["cube", "empty", "one", "scalar", "weight"])
    #expect(file.dtypes.values.allSatisfy { $0 == .f32 })
}

@Test func roundTripWithEmptyMetadataAndSpecialValues() throws {
    let values: [Float] = [.infinity, -.infinity, -0.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude]
    let data = try SafeTensors.encode([(name: "x", tensor: Tensor(shape: [5], scalars: values))])
    let file = try SafeTensors.decode(data)
    #expect(file.metadata.isEmpty)
    #expect(file["x"]?.scalars.map(\.bitPattern) == values.map(\.bitPattern))
    let empty = try SafeTensors.decode(try SafeTensors.encode([String: Tensor]()))
    #expect(empty.names.isEmpty && empty.metadata.isEmpty)
}

/// The tensors of Resources/writer_reference.safetensors (scripts/fixtures/make_safetensors_fixtures.py).
private let writerReferenceTensors: [(name: String, tensor: Tensor)] = [
    ("z\u{e9}ta \"quoted\"\n", Tensor(shape: [3], scalars: [1e-8, -1e8, 3.25])),
    ("embedding.weight", Tensor(shape: [3, 2], scalars: (0..<6).map { Float($0) * 0.25 - 1 })),
    ("scale", Tensor(shape: [], scalars: [3])),
    ("bias", Tensor(shape: [2], scalars: [0.5, -0.5])),
    ("empty", Tensor.zeros([0, 4])),
]

@Test func writerOutputIsByteIdenticalToPythonSafetensors() throws {
    let python = try Data(contentsOf: Fixtures.url("writer_reference.safetensors"))
    let ours = try SafeTensors.encode(writerReferenceTensors, metadata: ["format": "chatbot ✓"])
    #expect(ours == python)
    let url = Fixtures.temporaryURL()
    defer { try? FileManager.default.removeItem(at: url) }
    try SafeTensors.write(writerReferenceTensors, metadata: ["format": "chatbot ✓"], to: url)
    #expect(try Data(contentsOf: url) == python)
}

@Test func writerOutputWithSeveralMetadataKeysLoadsStructurally() throws {
    // Python orders several metadata keys by hash, so bytes cannot match; we write sorted keys.
    // scripts/fixtures/verify_swift_safetensors.py checks this file loads in Python.
    let tensors: [(name: String, tensor: Tensor)] = [
        ("b.weight", Tensor(shape: [3, 4], scalars: (0..<12).map { Float($0) / 8 - 0.75 })),
        ("a.bias", Tensor(shape: [3], scalars: [1, -1, 0.5])),
        ("step", Tensor(shape: [], scalars: [42])),
    ]
    let metadata = ["format": "chatbot", "version": "1", "comment": "tab\there \"q\" ✓"]
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("tensorcore-safetensors-multimeta.safetensors")
    try SafeTensors.write(tensors, metadata: metadata, to: url)
    let bytes = try Data(contentsOf: url)
    let headerLength = Int(bytes[0]) | Int(bytes[1]) << 8
    #expect(bytes[2..<8].allSatisfy { $0 == 0 })
    #expect(headerLength % 8 == 0)
    let header = try #require(String(data: bytes[8..<(8 + headerLength)], encoding: .utf8))
    #expect(header.hasPrefix(#"{"__metadata__":{"comment":"tab\there \"q\" ✓","format":"chatbot","version":"1"},"a.bias":{"dtype":"F32","shape":[3],"data_offsets":[0,12]},"b.weight""#))
    #expect(bytes.count == 8 + headerLength + 4 * 16)
    let file = try SafeTensors.read(from: url)
    #expect(file.metadata == metadata)
    #expect(file.names == ["a.bias", "b.weight", "step"])
    #expect(file["b.weight"] == tensors[0].tensor)
}

@Test func pythonWrittenFileLoadsWithValuesDTypesAndMetadata() throws {
    let file = try SafeTensors.read(from: Fixtures.url("python_mixed_dtypes.safetensors"))
    #expect(file.metadata == ["format": "pt", "note": "héllo ✓"])
    #expect(Set(file.names) == ["matrix", "scalar", "half", "brain", "double", "empty"])
    #expect(file["matrix"] == Tensor(shape: [2, 3], scalars: [1.5, -2, 0.25, 4, -0.125, 1e-3]))
    #expect(file["scalar"] == Tensor(shape: [], scalars: [7.5]))
    #expect(file["half"] == Tensor(shape: [4], scalars: [0.5, -1.25, 65504, 6.103515625e-05]))
    #expect(file["brain"] == Tensor(shape: [2, 1], scalars: [3, -0.5]))
    #expect(file["double"] == Tensor(shape: [2], scalars: [0.1, -3]))
    #expect(file["empty"] == Tensor.zeros([0, 3]))
    #expect(file.dtypes == ["matrix": .f32, "scalar": .f32, "half": .f16, "brain": .bf16, "double": .f64, "empty": .f32])
}

@Test func halfPrecisionConversionCoversSubnormalsInfinityAndNaN() {
    #expect(SafeTensorsDType.halfToFloat(0x0001) == 0x1p-24)
    #expect(SafeTensorsDType.halfToFloat(0x3C00) == 1)
    #expect(SafeTensorsDType.halfToFloat(0xC000) == -2)
    #expect(SafeTensorsDType.halfToFloat(0x7C00) == .infinity)
    #expect(SafeTensorsDType.halfToFloat(0xFC00) == -.infinity)
    #expect(SafeTensorsDType.halfToFloat(0x7E00).isNaN)
}

@Test func writingTwoTensorsWithOneNameFails() {
    let t = Tensor(shape: [1], scalars: [1])
    let error = #expect(throws: TensorCoreError.self) { try SafeTensors.encode([(name: "a", tensor: t), (name: "a", tensor: t)]) }
    #expect(error?.code == .duplicateName)
    #expect(error?.path == "<memory>")
}

// MARK: - Malformed files

/// A file made of a header length (the real one unless overridden), header text and data bytes.
private func malformed(_ header: String, data: [UInt8] = [], length: UInt64? = nil) -> Data {
    var bytes = Data()
    withUnsafeBytes(of: (length ?? UInt64(header.utf8.count)).littleEndian) { bytes.append(contentsOf: $0) }
    bytes.append(contentsOf: Array(header.utf8))
    bytes.append(contentsOf: data)
    return bytes
}

/// Expects decoding `data` to fail with `code` and a message containing `fragment`.
private func expectRejected(
    _ data: Data, _ code: TensorCoreError.Code, mentioning fragment: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    do {
        _ = try SafeTensors.decode(data, path: "/tmp/bad.safetensors")
        Issue.record("decoding succeeded, expected \(code)", sourceLocation: sourceLocation)
    } catch {
        #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
        #expect(error.description.contains("/tmp/bad.safetensors"), sourceLocation: sourceLocation)
        #expect(error.message.contains(fragment), "\(error.message)", sourceLocation: sourceLocation)
    }
}

private func entry(_ name: String, _ dtype: String = "F32", _ shape: String, _ begin: Int, _ end: Int) -> String {
    "\"\(name)\":{\"dtype\":\"\(dtype)\",\"shape\":[\(shape)],\"data_offsets\":[\(begin),\(end)]}"
}

@Test func truncatedFilesAndBadHeaderLengthsAreRejected() throws {
    expectRejected(Data(), .truncatedFile, mentioning: "0 bytes")
    expectRejected(Data([1, 0, 0]), .truncatedFile, mentioning: "3 bytes")
    expectRejected(malformed("", length: 0), .invalidHeaderLength, mentioning: "header length 0")
    expectRejected(malformed("{}", length: 64), .invalidHeaderLength, mentioning: "past the end")
    expectRejected(malformed("{}", length: .max), .invalidHeaderLength, mentioning: "\(UInt64.max)")
    let good = try SafeTensors.encode([(name: "w", tensor: Tensor(shape: [4], scalars: [1, 2, 3, 4]))])
    expectRejected(good.prefix(good.count - 3), .invalidOffsets, mentioning: "'w'")
}

@Test func headersThatAreNotTheExpectedJSONAreRejected() {
    var notUTF8 = malformed("{}  ")
    notUTF8[9] = 0xFF
    expectRejected(notUTF8, .invalidHeader, mentioning: "UTF-8")
    expectRejected(malformed("[1, 2]  "), .invalidHeader, mentioning: "'{'")
    expectRejected(malformed("{\"a\":"), .invalidHeader, mentioning: "JSON")
    expectRejected(malformed(#"{"w":{"shape":[1],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0]),
                   .invalidHeader, mentioning: "dtype")
    expectRejected(malformed(#"{"__metadata__":{"a":1}}"#), .invalidHeader, mentioning: "__metadata__")
    expectRejected(malformed(#"{"w":{"dtype":"F32","shape":[1.5],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0]),
                   .invalidHeader, mentioning: "shape")
    expectRejected(malformed(#"{"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4,8]}}"#, data: [0, 0, 0, 0]),
                   .invalidOffsets, mentioning: "3 data_offsets")
}

@Test func unsupportedAndUnknownDTypesAreNamed() {
    expectRejected(malformed("{" + entry("ids", "U64", "1", 0, 8) + "}", data: Array(repeating: 0, count: 8)),
                   .unsupportedDType, mentioning: "'ids' has unsupported dtype U64")
    expectRejected(malformed("{" + entry("q", "Q7", "1", 0, 1) + "}", data: [0]),
                   .unsupportedDType, mentioning: "unknown dtype Q7")
}

@Test func integerTensorsReadAsFloats() throws {
    // BERT checkpoints carry `embeddings.position_ids` as I64: [0, 1, -2] little-endian, then I32 [7].
    var bytes: [UInt8] = []
    for value in [Int64(0), 1, -2] { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
    withUnsafeBytes(of: Int32(7).littleEndian) { bytes += $0 }
    let file = try SafeTensors.decode(malformed("{" + entry("ids", "I64", "3", 0, 24) + ","
                                                + entry("n", "I32", "1", 24, 28) + "}", data: bytes))
    #expect(file["ids"]?.scalars == [0, 1, -2])
    #expect(file.dtypes["ids"] == .i64)
    #expect(file["n"]?.scalars == [7])
}

@Test func invalidShapesAndByteCountMismatchesAreRejected() {
    expectRejected(malformed("{" + entry("w", "F32", "-1", 0, 0) + "}"), .invalidShape, mentioning: "[-1]")
    expectRejected(malformed("{" + entry("w", "F32", "4294967296,4294967296", 0, 0) + "}"),
                   .invalidShape, mentioning: "'w'")
    expectRejected(malformed("{" + entry("w", "F32", "3", 0, 8) + "}", data: Array(repeating: 0, count: 8)),
                   .byteCountMismatch, mentioning: "needs 12 bytes but data_offsets span 8")
    expectRejected(malformed("{" + entry("h", "F16", "3", 0, 12) + "}", data: Array(repeating: 0, count: 12)),
                   .byteCountMismatch, mentioning: "needs 6 bytes")
}

@Test func overlappingOutOfRangeAndGappedOffsetsAreRejected() {
    let eight = [UInt8](repeating: 0, count: 8)
    expectRejected(malformed("{" + entry("w", "F32", "1", 4, 8) + "}", data: Array(eight.prefix(6))),
                   .invalidOffsets, mentioning: "outside the 6-byte data section")
    expectRejected(malformed("{" + entry("w", "F32", "1", 8, 4) + "}", data: eight),
                   .invalidOffsets, mentioning: "[8, 4]")
    expectRejected(malformed("{" + entry("a", "F32", "2", 0, 8) + "," + entry("b", "F32", "1", 4, 8) + "}", data: eight),
                   .invalidOffsets, mentioning: "'b' overlaps 'a'")
    expectRejected(malformed("{" + entry("a", "F32", "1", 4, 8) + "}", data: eight),
                   .invalidOffsets, mentioning: "bytes 0..<4")
    expectRejected(malformed("{" + entry("a", "F32", "1", 0, 4) + "}", data: eight),
                   .invalidOffsets, mentioning: "cover only 4")
}

@Test func readingAMissingOrMalformedPathNamesThePath() throws {
    let missing = Fixtures.temporaryURL("missing.safetensors")
    let error = #expect(throws: TensorCoreError.self) { try SafeTensors.read(from: missing) }
    #expect(error?.code == .io)
    #expect(error?.description.contains(missing.path) == true)
    let bad = Fixtures.temporaryURL("bad.safetensors")
    defer { try? FileManager.default.removeItem(at: bad) }
    try malformed("{" + entry("ids", "U32", "1", 0, 4) + "}", data: [0, 0, 0, 0]).write(to: bad)
    let unsupported = #expect(throws: TensorCoreError.self) { try SafeTensors.read(from: bad) }
    #expect(unsupported?.code == .unsupportedDType)
    #expect(unsupported?.description.contains(bad.path) == true)
}
