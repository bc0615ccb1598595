// Checkpoint convenience: a parameter list saved under its names, and loaded back only when
// the file matches it exactly (names, shapes, dtype), with every difference listed.
import Foundation

extension SafeTensors {
    /// Writes every parameter's value under its name.
    public static func save(
        _ parameters: [Parameter], metadata: [String: String] = [:], to url: URL
    ) throws(TensorCoreError) {
        try write(parameters.map { (name: $0.name, tensor: $0.value) }, metadata: metadata, to: url)
    }

    /// Reads `url` into the values of `parameters` and returns the file's metadata.
    ///
    /// Nothing is assigned unless every parameter has a tensor of its name and shape, the file
    /// has no other tensors, and (unless `allowingConversion`) every tensor is stored as F32 or as
    /// int8 with per-row scales (`saveQuantized`), which is turned back into Float32.
    @discardableResult
    public static func load(
        into parameters: [Parameter], from url: URL, allowingConversion: Bool = false
    ) throws(TensorCoreError) -> [String: String] {
        let file = try read(from: url).dequantizingInt8Rows(path: url.path)
        try assign(file, to: parameters, allowingConversion: allowingConversion, path: url.path)
        return file.metadata
    }

    /// Assigns the tensors of `file` to `parameters` after checking they match one to one.
    package static func assign(
        _ file: SafeTensorsFile, to parameters: [Parameter], allowingConversion: Bool, path: String
    ) throws(TensorCoreError) {
        var problems: [String] = []
        var seen = Set<String>()
        for parameter in parameters where !seen.insert(parameter.name).inserted {
            problems.append("the parameter list names '\(parameter.name)' twice")
        }
        let missing = parameters.map(\.name).filter { file.tensors[$0] == nil }
        if !missing.isEmpty { problems.append("missing: \(missing.joined(separator: ", "))") }
        let extra = file.names.filter { !seen.contains($0) }
        if !extra.isEmpty { problems.append("unexpected: \(extra.joined(separator: ", "))") }
        for parameter in parameters {
            guard let tensor = file.tensors[parameter.name] else { continue }
            if tensor.shape != parameter.value.shape {
                problems.append("'\(parameter.name)' has shape \(tensor.shape) in the file, expected \(parameter.value.shape)")
            }
            if let dtype = file.dtypes[parameter.name], dtype != .f32, !allowingConversion {
                problems.append("'\(parameter.name)' is stored as \(dtype.rawValue), expected F32")
            }
        }
        guard problems.isEmpty else {
            throw TensorCoreError.safeTensors(.parameterMismatch, path: path,
                                   "does not match the parameters: " + problems.joined(separator: "; "))
        }
        for parameter in parameters {
            if let tensor = file.tensors[parameter.name] { parameter.value = tensor }
        }
    }
}
