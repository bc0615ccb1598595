// One tensor as the safetensors writer lays it out: name, dtype, shape and little-endian bytes.
import Foundation

/// A tensor in its stored form, ready for `SafeTensors.encode(stored:metadata:)`.
package struct StoredTensor: Sendable {
    /// The tensor's name in the file.
    package var name: String
    /// The element type written.
    package var dtype: SafeTensorsDType
    /// The extent of each dimension.
    package var shape: [Int]
    /// The elements, little-endian.
    package var bytes: [UInt8]

    /// `tensor` stored as F32.
    package init(name: String, float32 tensor: Tensor) {
        self.name = name
        dtype = .f32
        shape = tensor.shape
        bytes = tensor.withUnsafeBufferPointer { values in
            values.map { $0.bitPattern.littleEndian }.withUnsafeBytes { Array($0) }
        }
    }

    /// `tensor` stored as F16 (rounded to nearest; for values known to fit, such as scales).
    package init(name: String, float16 tensor: Tensor) {
        self.name = name
        dtype = .f16
        shape = tensor.shape
        bytes = tensor.withUnsafeBufferPointer { values in
            values.map { Float16($0).bitPattern.littleEndian }.withUnsafeBytes { Array($0) }
        }
    }

    /// `values` stored as I8 with `shape`.
    package init(name: String, shape: [Int], int8 values: [Int8]) {
        self.name = name
        dtype = .i8
        self.shape = shape
        bytes = values.map { UInt8(bitPattern: $0) }
    }
}
