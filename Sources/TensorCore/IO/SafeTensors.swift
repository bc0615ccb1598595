// Reading and writing named Float32 tensors in the safetensors format: a little-endian u64
// header length N, N bytes of space-padded JSON header, then the raw little-endian data.
// The writer's bytes equal Python `safetensors.numpy.save_file` for the same F32 tensors.
import Foundation
import Primitives

/// Save and load tensors in the safetensors format (see docs/FORMATS.md).
public enum SafeTensors {
    /// Headers larger than this are rejected, as the Python library rejects them.
    public static let maxHeaderLength = 100_000_000

    /// The file bytes for `tensors` and `metadata`.
    ///
    /// Tensors are laid out sorted by the UTF-8 bytes of their names (the order Python's
    /// library uses for tensors of one dtype), whatever order they are given in.
    public static func encode(
        _ tensors: [(name: String, tensor: Tensor)], metadata: [String: String] = [:]
    ) throws(TensorCoreError) -> Data {
        try encode(stored: tensors.map { StoredTensor(name: $0.name, float32: $0.tensor) }, metadata: metadata)
    }

    /// The file bytes for tensors already in their stored dtype, laid out sorted by name.
    package static func encode(stored tensors: [StoredTensor], metadata: [String: String]) throws(TensorCoreError) -> Data {
        let sorted = tensors.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        var entries: [SafeTensorsHeader.Entry] = []
        var offset = 0
        for (index, item) in sorted.enumerated() {
            if index > 0 && sorted[index - 1].name == item.name {
                throw TensorCoreError.safeTensors(.duplicateName, path: "<memory>", "two tensors are named '\(item.name)'")
            }
            entries.append(.init(name: item.name, dtype: item.dtype.rawValue,
                                 shape: item.shape, begin: offset, end: offset + item.bytes.count))
            offset += item.bytes.count
        }
        let header = SafeTensorsHeader.encode(entries: entries, metadata: metadata)
        var data = Data(capacity: 8 + header.count + offset)
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { data.append(contentsOf: $0) }
        data.append(contentsOf: header)
        for item in sorted { data.append(contentsOf: item.bytes) }
        return data
    }

    /// The file bytes for a dictionary of tensors (laid out sorted by name).
    public static func encode(
        _ tensors: [String: Tensor], metadata: [String: String] = [:]
    ) throws(TensorCoreError) -> Data {
        try encode(tensors.map { (name: $0.key, tensor: $0.value) }, metadata: metadata)
    }

    /// Writes `tensors` and `metadata` to `url` atomically.
    public static func write(
        _ tensors: [(name: String, tensor: Tensor)], metadata: [String: String] = [:], to url: URL
    ) throws(TensorCoreError) {
        try write(stored: tensors.map { StoredTensor(name: $0.name, float32: $0.tensor) }, metadata: metadata, to: url)
    }

    /// Writes tensors already in their stored dtype and `metadata` to `url` atomically.
    package static func write(stored tensors: [StoredTensor], metadata: [String: String], to url: URL) throws(TensorCoreError) {
        let data: Data
        do {
            data = try encode(stored: tensors, metadata: metadata)
        } catch {
            throw TensorCoreError.safeTensors(error.code, path: url.path, error.message)
        }
        do {
            try AtomicFile.write(data, to: url)
        } catch {
            throw TensorCoreError.safeTensors(.io, path: url.path, error.message)
        }
    }

    /// Writes a dictionary of tensors and `metadata` to `url` atomically.
    public static func write(
        _ tensors: [String: Tensor], metadata: [String: String] = [:], to url: URL
    ) throws(TensorCoreError) {
        try write(tensors.map { (name: $0.key, tensor: $0.value) }, metadata: metadata, to: url)
    }

    /// Reads and validates the file at `url`, converting F16, BF16, F64, I64, I32 and I8 tensors to Float32.
    public static func read(from url: URL) throws(TensorCoreError) -> SafeTensorsFile {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw TensorCoreError.safeTensors(.io, path: url.path, "cannot read: \(error.localizedDescription)")
        }
        return try decode(data, path: url.path)
    }

    /// Validates and decodes safetensors bytes; `path` names the source in errors.
    public static func decode(_ data: Data, path: String = "<memory>") throws(TensorCoreError) -> SafeTensorsFile {
        guard data.count >= 8 else {
            throw TensorCoreError.safeTensors(.truncatedFile, path: path,
                                   "the file has \(data.count) bytes, fewer than the 8-byte header length")
        }
        let start = data.startIndex
        let headerLength = data[start..<(start + 8)].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        guard headerLength > 0, headerLength <= UInt64(maxHeaderLength) else {
            throw TensorCoreError.safeTensors(.invalidHeaderLength, path: path,
                                   "the header length \(headerLength) is not in 1...\(maxHeaderLength)")
        }
        guard headerLength <= UInt64(data.count - 8) else {
            throw TensorCoreError.safeTensors(.invalidHeaderLength, path: path,
                                   "the header length \(headerLength) runs past the end of the file (\(data.count) bytes)")
        }
        let headerEnd = start + 8 + Int(headerLength)
        let header = try SafeTensorsHeader.parse(Data(data[(start + 8)..<headerEnd]), path: path)
        let dataSize = data.count - 8 - Int(headerLength)
        let layout = try validate(header.entries, dataSize: dataSize, path: path)

        var file = SafeTensorsFile(names: [], tensors: [:], dtypes: [:], metadata: header.metadata)
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let body = UnsafeRawBufferPointer(rebasing: raw[(8 + Int(headerLength))...])
            for (entry, dtype, count) in layout {
                let bytes = UnsafeRawBufferPointer(rebasing: body[entry.begin..<entry.end])
                file.names.append(entry.name)
                file.dtypes[entry.name] = dtype
                file.tensors[entry.name] = Tensor(shape: entry.shape, scalars: dtype.decode(bytes, count: count))
            }
        }
        return file
    }

    /// Checks every entry's dtype, shape and byte range; returns them sorted by offset.
    private static func validate(
        _ entries: [SafeTensorsHeader.Entry], dataSize: Int, path: String
    ) throws(TensorCoreError) -> [(SafeTensorsHeader.Entry, SafeTensorsDType, Int)] {
        var layout: [(SafeTensorsHeader.Entry, SafeTensorsDType, Int)] = []
        for entry in entries {
            let name = entry.name
            guard let dtype = SafeTensorsDType(rawValue: entry.dtype) else {
                let supported = SafeTensorsDType.allCases.map(\.rawValue).joined(separator: ", ")
                let kind = SafeTensorsDType.knownUnsupported.contains(entry.dtype) ? "unsupported" : "unknown"
                throw TensorCoreError.safeTensors(.unsupportedDType, path: path,
                                       "tensor '\(name)' has \(kind) dtype \(entry.dtype) (supported: \(supported))")
            }
            var count = 1
            for dimension in entry.shape {
                let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
                guard dimension >= 0, !overflow, product <= Int.max / 8 else {
                    throw TensorCoreError.safeTensors(.invalidShape, path: path, "tensor '\(name)' has invalid shape \(entry.shape)")
                }
                count = product
            }
            guard entry.begin >= 0, entry.begin <= entry.end, entry.end <= dataSize else {
                throw TensorCoreError.safeTensors(
                    .invalidOffsets, path: path,
                    "tensor '\(name)' has data_offsets [\(entry.begin), \(entry.end)] outside the \(dataSize)-byte data section")
            }
            guard entry.end - entry.begin == count * dtype.byteCount else {
                throw TensorCoreError.safeTensors(
                    .byteCountMismatch, path: path,
                    "tensor '\(name)' of shape \(entry.shape) and dtype \(dtype.rawValue) needs "
                        + "\(count * dtype.byteCount) bytes but data_offsets span \(entry.end - entry.begin)")
            }
            layout.append((entry, dtype, count))
        }
        layout.sort { ($0.0.begin, $0.0.end) < ($1.0.begin, $1.0.end) }
        var previousEnd = 0, previousName = "the start of the data"
        for (entry, _, _) in layout {
            if entry.begin < previousEnd {
                throw TensorCoreError.safeTensors(.invalidOffsets, path: path,
                                       "tensor '\(entry.name)' overlaps '\(previousName)' (begins at \(entry.begin) before \(previousEnd))")
            }
            if entry.begin > previousEnd {
                throw TensorCoreError.safeTensors(.invalidOffsets, path: path,
                                       "bytes \(previousEnd)..<\(entry.begin) before tensor '\(entry.name)' belong to no tensor")
            }
            previousEnd = entry.end
            previousName = entry.name
        }
        guard previousEnd == dataSize else {
            throw TensorCoreError.safeTensors(.invalidOffsets, path: path,
                                   "the data section has \(dataSize) bytes but the tensors cover only \(previousEnd)")
        }
        return layout
    }
}
