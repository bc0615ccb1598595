// The contents of one safetensors file after reading: Float32 tensors by name, their order
// and original dtypes, and the string metadata.

/// The tensors and metadata read from a safetensors file.
public struct SafeTensorsFile: Sendable {
    /// Tensor names in the order their data appears in the file.
    public var names: [String]
    /// Every tensor, converted to Float32, by name.
    public var tensors: [String: Tensor]
    /// The dtype each tensor had in the file, by name.
    public var dtypes: [String: SafeTensorsDType]
    /// The `__metadata__` table (empty when the file has none).
    public var metadata: [String: String]

    /// A file's contents (e.g. a read file with tensors renamed or left out).
    package init(names: [String], tensors: [String: Tensor], dtypes: [String: SafeTensorsDType], metadata: [String: String]) {
        self.names = names
        self.tensors = tensors
        self.dtypes = dtypes
        self.metadata = metadata
    }

    /// The tensor called `name`, if the file has one.
    public subscript(name: String) -> Tensor? { tensors[name] }
}
