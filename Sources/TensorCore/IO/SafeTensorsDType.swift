// The element types a safetensors file may name, and the conversion of the floating-point
// and integer ones to Float32 on read. Other dtypes are recognised only to be reported as unsupported.

/// A safetensors element type this module can read into Float32.
public enum SafeTensorsDType: String, Sendable, CaseIterable {
    /// IEEE single precision, the only type the writer produces.
    case f32 = "F32"
    /// IEEE half precision, widened exactly on read.
    case f16 = "F16"
    /// bfloat16 (the top half of a Float32), widened exactly on read.
    case bf16 = "BF16"
    /// IEEE double precision, rounded to nearest on read.
    case f64 = "F64"
    /// 64-bit signed integers (e.g. BERT's `position_ids`), converted to the nearest Float32.
    case i64 = "I64"
    /// 32-bit signed integers, converted to the nearest Float32.
    case i32 = "I32"
    /// 8-bit signed integers (int8-quantised weights), converted exactly.
    case i8 = "I8"

    /// Bytes per element.
    public var byteCount: Int {
        switch self {
        case .f32, .i32: 4
        case .f16, .bf16: 2
        case .f64, .i64: 8
        case .i8: 1
        }
    }

    /// The dtype names of the format that are valid but not readable here.
    static let knownUnsupported: Set<String> = [
        "BOOL", "U8", "U16", "I16", "U32", "U64", "F8_E5M2", "F8_E4M3", "F8_E8M0",
        "F4", "F6_E2M3", "F6_E3M2", "C64",
    ]

    /// Converts `count` little-endian elements starting at `bytes` into Float32 values.
    func decode(_ bytes: UnsafeRawBufferPointer, count: Int) -> [Float] {
        [Float](unsafeUninitializedCapacity: count) { out, initialized in
            switch self {
            case .f32:
                for i in 0..<count {
                    out[i] = Float(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)))
                }
            case .f16:
                for i in 0..<count {
                    let bits = UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))
                    out[i] = Self.halfToFloat(bits)
                }
            case .bf16:
                for i in 0..<count {
                    let bits = UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))
                    out[i] = Float(bitPattern: UInt32(bits) << 16)
                }
            case .f64:
                for i in 0..<count {
                    let bits = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self))
                    out[i] = Float(Double(bitPattern: bits))
                }
            case .i64:
                for i in 0..<count {
                    out[i] = Float(Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: 8 * i, as: Int64.self)))
                }
            case .i32:
                for i in 0..<count {
                    out[i] = Float(Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: 4 * i, as: Int32.self)))
                }
            case .i8:
                for i in 0..<count { out[i] = Float(Int8(bitPattern: bytes[i])) }
            }
            initialized = count
        }
    }

    /// IEEE binary16 to Float32, exact for every value including subnormals, infinities and NaN.
    package static func halfToFloat(_ bits: UInt16) -> Float {
        let sign: Float = bits & 0x8000 != 0 ? -1 : 1
        let exponent = Int((bits >> 10) & 0x1F)
        let mantissa = Float(bits & 0x3FF)
        switch exponent {
        case 0: return sign * mantissa * 0x1p-24
        case 31: return mantissa == 0 ? sign * .infinity : .nan
        default: return sign * (1 + mantissa / 1024) * Float(sign: .plus, exponent: exponent - 15, significand: 1)
        }
    }
}
