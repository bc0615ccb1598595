// Int8 per-row quantisation: values come back within half a step of their row's scale, zero
// rows stay zero, scales are Float16, quantised files are over three times smaller and load
// back transparently, and a scale tensor of the wrong shape is refused.
import Foundation
import TensorCore
import Testing

@Test func quantisedValuesComeBackWithinHalfAStep() {
    var generator = SeededGenerator(seed: 7)
    var matrix = Tensor.randomNormal([5, 33], using: &generator)
    matrix.scalars.replaceSubrange(33..<66, with: [Float](repeating: 0, count: 33))  // an all-zero row
    let (values, scales) = Int8RowQuantization.quantize(matrix)
    #expect(values.count == matrix.count && scales.shape == [5])
    #expect(scales.scalars[1] == 0 && values[33..<66].allSatisfy { $0 == 0 })
    let back = Int8RowQuantization.dequantize(Tensor(shape: [5, 33], scalars: values.map(Float.init)), scales: scales)
    for row in 0..<5 {
        let largest = matrix.scalars[(row * 33)..<(row * 33 + 33)].map(abs).max() ?? 0
        #expect(abs(scales.scalars[row] - largest / 127) <= largest / 127 / 1000, "the scale rounded to Float16")
        #expect(Float(Float16(scales.scalars[row])) == scales.scalars[row])
        for column in 0..<33 {
            let index = row * 33 + column
            #expect(abs(back.scalars[index] - matrix.scalars[index]) <= scales.scalars[row] / 2 + 1e-6)
        }
    }
    #expect(values.contains(127) || values.contains(-127), "each non-zero row uses the full range")
}

@Test func aQuantisedFileIsSmallerAndLoadsBackAsFloat() throws {
    var generator = SeededGenerator(seed: 3)
    let shapes: [(String, [Int])] = [("embedding", [64, 32]), ("bias", [32]), ("head", [4, 32])]
    let saved = shapes.map { Parameter(name: $0.0, value: Tensor.randomNormal($0.1, using: &generator)) }
    let plain = Fixtures.temporaryURL(), quantised = Fixtures.temporaryURL()
    defer { [plain, quantised].forEach { try? FileManager.default.removeItem(at: $0) } }
    try SafeTensors.save(saved, to: plain)
    try SafeTensors.saveQuantized(saved, metadata: ["format": "test"], to: quantised)
    let plainSize = try Data(contentsOf: plain).count, quantisedSize = try Data(contentsOf: quantised).count
    #expect(Double(plainSize) / Double(quantisedSize) > 3, "\(plainSize) → \(quantisedSize) bytes")

    let file = try SafeTensors.read(from: quantised)
    #expect(file.dtypes["embedding"] == .i8 && file.dtypes["embedding.row_scale"] == .f16 && file.dtypes["bias"] == .f32)
    #expect(file.hasInt8Rows)
    let fresh = shapes.map { Parameter(name: $0.0, value: Tensor(shape: $0.1)) }
    #expect(try SafeTensors.load(into: fresh, from: quantised) == ["format": "test"])
    #expect(fresh[1].value == saved[1].value, "vectors stay Float32")
    for index in [0, 2] {
        let error = zip(fresh[index].value.scalars, saved[index].value.scalars).map { abs($0 - $1) }.max() ?? 1
        #expect(error > 0 && error < 0.02)
    }
}

@Test func aScaleOfTheWrongShapeIsRefused() throws {
    let url = Fixtures.temporaryURL()
    defer { try? FileManager.default.removeItem(at: url) }
    let bytes = try SafeTensors.encode(stored: [
        StoredTensor(name: "w", shape: [2, 2], int8: [1, -2, 3, 4]),
        StoredTensor(name: "w.row_scale", float32: Tensor(shape: [3], scalars: [1, 1, 1])),
    ], metadata: [:])
    try bytes.write(to: url)
    let error = #expect(throws: TensorCoreError.self) {
        try SafeTensors.load(into: [Parameter(name: "w", value: Tensor(shape: [2, 2]))], from: url)
    }
    #expect(error?.code == .invalidShape)
    #expect(error?.description.contains("'w.row_scale' has shape [3], expected [2]") == true)
}

@Test func anInt8TensorWithoutScalesIsNotTakenForFloat() throws {
    let url = Fixtures.temporaryURL()
    defer { try? FileManager.default.removeItem(at: url) }
    try SafeTensors.encode(stored: [StoredTensor(name: "w", shape: [2], int8: [1, -2])], metadata: [:]).write(to: url)
    #expect(try SafeTensors.read(from: url)["w"]?.scalars == [1, -2])
    let error = #expect(throws: TensorCoreError.self) {
        try SafeTensors.load(into: [Parameter(name: "w", value: Tensor(shape: [2]))], from: url)
    }
    #expect(error?.description.contains("stored as I8, expected F32") == true)
}
