// The JSON header of a safetensors file: parsed with JSONDecoder into entries and metadata,
// and written by hand in exactly the bytes Python's `safetensors` (serde_json) produces.
import Foundation
import Primitives

/// The parsed header: one entry per tensor, in no particular order, and the metadata.
struct SafeTensorsHeader {
    /// One tensor's description; offsets are relative to the start of the data section.
    struct Entry {
        var name: String
        var dtype: String
        var shape: [Int]
        var begin: Int
        var end: Int
    }

    var entries: [Entry]
    var metadata: [String: String]

    /// Parses the header JSON (`bytes` excludes the 8-byte length prefix).
    static func parse(_ bytes: Data, path: String) throws(TensorCoreError) -> SafeTensorsHeader {
        guard String(data: bytes, encoding: .utf8) != nil else {
            throw TensorCoreError.safeTensors(.invalidHeader, path: path, "the header is not valid UTF-8")
        }
        guard bytes.first == UInt8(ascii: "{") else {
            throw TensorCoreError.safeTensors(.invalidHeader, path: path, "the header does not start with '{'")
        }
        let raw: RawHeader
        do {
            raw = try JSONDecoder().decode(RawHeader.self, from: bytes)
        } catch let error as DecodingError {
            throw TensorCoreError.safeTensors(.invalidHeader, path: path, "the header JSON is invalid: \(error.summary)")
        } catch {
            throw TensorCoreError.safeTensors(.invalidHeader, path: path, "the header JSON is invalid: \(error)")
        }
        var entries: [Entry] = []
        for (name, entry) in raw.entries {
            guard entry.dataOffsets.count == 2 else {
                throw TensorCoreError.safeTensors(
                    .invalidOffsets, path: path,
                    "tensor '\(name)' has \(entry.dataOffsets.count) data_offsets, expected [begin, end]")
            }
            // Numbers are decoded as Double (JSONDecoder's error for 1.5-as-Int has no context).
            let shape = entry.shape.compactMap { Int(exactly: $0) }
            let offsets = entry.dataOffsets.compactMap { Int(exactly: $0) }
            guard shape.count == entry.shape.count, offsets.count == 2 else {
                throw TensorCoreError.safeTensors(
                    .invalidHeader, path: path,
                    "tensor '\(name)' has a non-integer in shape \(entry.shape) or data_offsets \(entry.dataOffsets)")
            }
            entries.append(Entry(name: name, dtype: entry.dtype, shape: shape, begin: offsets[0], end: offsets[1]))
        }
        return SafeTensorsHeader(entries: entries, metadata: raw.metadata)
    }

    /// The header bytes for tensors laid out in `entries` order, space-padded to a multiple of 8
    /// as Python's `safetensors` pads them. Metadata keys are written in sorted order.
    static func encode(entries: [Entry], metadata: [String: String]) -> [UInt8] {
        var json = "{"
        var first = true
        func separate() {
            if !first { json += "," }
            first = false
        }
        if !metadata.isEmpty {
            separate()
            json += "\"__metadata__\":{"
            let keys = metadata.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            json += keys.map { "\(JSONString.quoted($0)):\(JSONString.quoted(metadata[$0] ?? ""))" }.joined(separator: ",")
            json += "}"
        }
        for entry in entries {
            separate()
            let shape = entry.shape.map(String.init).joined(separator: ",")
            json += "\(JSONString.quoted(entry.name)):{\"dtype\":\"\(entry.dtype)\",\"shape\":[\(shape)],"
                + "\"data_offsets\":[\(entry.begin),\(entry.end)]}"
        }
        json += "}"
        var bytes = Array(json.utf8)
        let padding = (8 - bytes.count % 8) % 8
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: padding))
        return bytes
    }
}

/// Any JSON object key.
private struct DynamicKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// One tensor entry exactly as it appears in the JSON.
private struct RawEntry: Decodable {
    var dtype: String
    var shape: [Double]
    var dataOffsets: [Double]

    enum CodingKeys: String, CodingKey {
        case dtype, shape
        case dataOffsets = "data_offsets"
    }
}

/// The top-level JSON object: `__metadata__` (string to string) and tensor entries.
private struct RawHeader: Decodable {
    var entries: [(String, RawEntry)] = []
    var metadata: [String: String] = [:]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: DynamicKey.self)
        for key in container.allKeys {
            if key.stringValue == "__metadata__" {
                if try container.decodeNil(forKey: key) { continue }
                metadata = try container.decode([String: String].self, forKey: key)
            } else {
                entries.append((key.stringValue, try container.decode(RawEntry.self, forKey: key)))
            }
        }
    }
}
