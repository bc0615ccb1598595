// Int8 weights with one scale per row (symmetric, round to nearest): how a 2-D weight is stored
// in a quantised checkpoint and turned back into Float32 on load. Scales are rounded to Float16,
// because the sparse experts' matrices have 65,536 rows of only 3–77 columns, where Float32
// scales would cost a third of the saving.

/// Symmetric per-row int8 quantisation of a matrix: `value ≈ Float(q) * scale[row]`, with
/// `scale[row]` = max |value in row| / 127 rounded to Float16 (0 for an all-zero row, and for a
/// row whose largest value is below about 1e-5, where the scale would underflow Float16).
public enum Int8RowQuantization {
    /// The suffix naming a quantised tensor's scales in a safetensors file (`NAME.row_scale`).
    public static let scaleSuffix = ".row_scale"

    /// Whether a tensor of `shape` is stored quantised: matrices only (vectors such as biases,
    /// LayerNorm gains and IDF weights stay Float32).
    public static func applies(to shape: [Int]) -> Bool { shape.count == 2 && shape[0] > 0 && shape[1] > 0 }

    /// The int8 values and the per-row scales of `matrix` (`[rows, columns]`).
    public static func quantize(_ matrix: Tensor) -> (values: [Int8], scales: Tensor) {
        let rows = matrix.shape[0], columns = matrix.count / max(rows, 1)
        var values = [Int8](repeating: 0, count: matrix.count)
        var scales = [Float](repeating: 0, count: rows)
        matrix.withUnsafeBufferPointer { source in
            for row in 0..<rows {
                let base = row * columns
                var largest: Float = 0
                for column in 0..<columns { largest = max(largest, abs(source[base + column])) }
                let scale = Float(Float16(largest / 127))
                guard scale > 0, scale.isFinite else { continue }
                scales[row] = scale
                for column in 0..<columns {
                    values[base + column] = Int8((source[base + column] / scale).rounded().clamped(to: -127...127))
                }
            }
        }
        return (values, Tensor(shape: [rows], scalars: scales))
    }

    /// The Float32 matrix of int8 `values` (read as Float32, `[rows, columns]`) and `scales` (`[rows]`).
    public static func dequantize(_ values: Tensor, scales: Tensor) -> Tensor {
        let rows = values.shape[0], columns = values.count / max(rows, 1)
        var out = values
        out.withUnsafeMutableBufferPointer { out in
            scales.withUnsafeBufferPointer { scales in
                for row in 0..<rows {
                    let scale = scales[row]
                    for column in 0..<columns { out[row * columns + column] *= scale }
                }
            }
        }
        return out
    }
}

extension Comparable {
    fileprivate func clamped(to range: ClosedRange<Self>) -> Self { min(max(self, range.lowerBound), range.upperBound) }
}
