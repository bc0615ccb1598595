// Quantised checkpoints: matrices written as I8 with a Float16 scale per row (`NAME` and
// `NAME.row_scale`), everything else as F32; reading turns such pairs back into Float32 tensors.
import Foundation

extension SafeTensors {
    /// Writes every parameter under its name, matrices as int8 with Float16 per-row scales
    /// (`Int8RowQuantization`), vectors as F32.
    public static func saveQuantized(
        _ parameters: [Parameter], metadata: [String: String] = [:], to url: URL
    ) throws(TensorCoreError) {
        var stored: [StoredTensor] = []
        for parameter in parameters {
            let value = parameter.value
            guard Int8RowQuantization.applies(to: value.shape) else {
                stored.append(StoredTensor(name: parameter.name, float32: value))
                continue
            }
            let (values, scales) = Int8RowQuantization.quantize(value)
            stored.append(StoredTensor(name: parameter.name, shape: value.shape, int8: values))
            stored.append(StoredTensor(name: parameter.name + Int8RowQuantization.scaleSuffix, float16: scales))
        }
        try write(stored: stored, metadata: metadata, to: url)
    }
}

extension SafeTensorsFile {
    /// The file with every I8 matrix that has a `NAME.row_scale` tensor replaced by its Float32
    /// values (recorded as F32) and the scale tensors removed; `path` names the file in errors.
    package func dequantizingInt8Rows(path: String) throws(TensorCoreError) -> SafeTensorsFile {
        var file = self
        for name in names where dtypes[name] == .i8 {
            let scaleName = name + Int8RowQuantization.scaleSuffix
            guard let values = tensors[name], let scales = tensors[scaleName] else { continue }
            guard values.shape.count == 2, scales.shape == [values.shape[0]] else {
                throw TensorCoreError.safeTensors(.invalidShape, path: path,
                                                  "'\(scaleName)' has shape \(scales.shape), expected [\(values.shape.first ?? 0)] for '\(name)' of shape \(values.shape)")
            }
            file.tensors[name] = Int8RowQuantization.dequantize(values, scales: scales)
            file.dtypes[name] = .f32
            file.tensors[scaleName] = nil
            file.dtypes[scaleName] = nil
            file.names.removeAll { $0 == scaleName }
        }
        return file
    }

    /// Whether any tensor is stored as int8 with per-row scales.
    public var hasInt8Rows: Bool {
        names.contains { dtypes[$0] == .i8 && tensors[$0 + Int8RowQuantization.scaleSuffix] != nil }
    }
}
