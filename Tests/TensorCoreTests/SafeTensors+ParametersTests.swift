// Saving a parameter list and loading it back; loading refuses files that do not match and
// lists every missing, extra or mismatched tensor without changing any parameter.
import Foundation
import TensorCore
import Testing

private func parameters(seed: UInt64, shapes: [(String, [Int])]) -> [Parameter] {
    var generator = SeededGenerator(seed: seed)
    return shapes.map { Parameter(name: $0.0, value: Tensor.randomNormal($0.1, using: &generator)) }
}

@Test func savedParametersLoadIntoAFreshListWithMetadata() throws {
    let shapes: [(String, [Int])] = [("layer.weight", [3, 2]), ("layer.bias", [3]), ("gain", [])]
    let saved = parameters(seed: 1, shapes: shapes)
    let url = Fixtures.temporaryURL()
    defer { try? FileManager.default.removeItem(at: url) }
    try SafeTensors.save(saved, metadata: ["format": "chatbot-checkpoint"], to: url)
    let fresh = parameters(seed: 2, shapes: shapes)
    #expect(fresh[0].value != saved[0].value)
    let metadata = try SafeTensors.load(into: fresh, from: url)
    #expect(metadata == ["format": "chatbot-checkpoint"])
    #expect(zip(fresh, saved).allSatisfy { $0.value == $1.value })
}

@Test func loadingAMismatchedFileListsEveryProblemAndChangesNothing() throws {
    let url = Fixtures.temporaryURL()
    defer { try? FileManager.default.removeItem(at: url) }
    try SafeTensors.save(parameters(seed: 1, shapes: [("a", [2]), ("b", [2, 2]), ("extra", [1])]), to: url)
    let target = parameters(seed: 2, shapes: [("a", [2]), ("b", [4]), ("missing", [3])])
    let before = target.map(\.value)
    let error = #expect(throws: TensorCoreError.self) { try SafeTensors.load(into: target, from: url) }
    #expect(error?.code == .parameterMismatch)
    let message = error?.description ?? ""
    #expect(message.contains(url.path))
    #expect(message.contains("missing: missing"))
    #expect(message.contains("unexpected: extra"))
    #expect(message.contains("'b' has shape [2, 2] in the file, expected [4]"))
    #expect(target.map(\.value) == before)
}

@Test func loadingRequiresFloat32UnlessConversionIsAllowed() throws {
    let url = Fixtures.url("python_mixed_dtypes.safetensors")
    let file = try SafeTensors.read(from: url)
    let target = file.names.map { Parameter(name: $0, value: Tensor.zeros(file.tensors[$0]?.shape ?? [])) }
    let error = #expect(throws: TensorCoreError.self) { try SafeTensors.load(into: target, from: url) }
    #expect(error?.message.contains("'half' is stored as F16, expected F32") == true)
    #expect(error?.message.contains("'brain' is stored as BF16") == true)
    try SafeTensors.load(into: target, from: url, allowingConversion: true)
    #expect(target.first { $0.name == "half" }?.value.scalars == [0.5, -1.25, 65504, 6.103515625e-05])
}
