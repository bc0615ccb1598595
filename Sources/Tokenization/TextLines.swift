// Fast conversions between files of lines and the tokenizer's inputs and outputs: split bytes
// on "\n" without Foundation's line enumeration, and format or parse lines of token ids.
import Foundation

/// Line-oriented helpers for corpora and id files.
public enum TextLines {
    /// The lines of UTF-8 `data` split on "\n" (a final newline ends the last line; "\r" is kept).
    public static func lines(of data: Data) -> [String] {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lines: [String] = []
            var start = 0
            for index in bytes.indices where bytes[index] == 0x0A {
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                start = index + 1
            }
            if start < bytes.count {
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            }
            return lines
        }
    }

    /// Appends `ids` as decimal numbers separated by spaces, then "\n".
    public static func appendIDLine(_ ids: [Int32], to out: inout [UInt8]) {
        var digits = [UInt8](repeating: 0, count: 12)
        for (i, id) in ids.enumerated() {
            if i > 0 { out.append(0x20) }
            var value = Int(id)
            if value < 0 {
                out.append(UInt8(ascii: "-"))
                value = -value
            }
            var count = 0
            repeat {
                digits[count] = UInt8(0x30 + value % 10)
                value /= 10
                count += 1
            } while value > 0
            while count > 0 {
                count -= 1
                out.append(digits[count])
            }
        }
        out.append(0x0A)
    }

    /// The ids of one line of space-separated decimal numbers, or the 0-based field that is not one.
    public static func parseIDs(_ line: Substring.UTF8View) -> Result<[Int], BadField> {
        var ids: [Int] = []
        var value = 0, digits = 0, field = 0, negative = false
        for byte in line {
            switch byte {
            case 0x30...0x39:
                guard digits < 18 else { return .failure(BadField(index: field)) }
                value = value * 10 + Int(byte - 0x30)
                digits += 1
            case UInt8(ascii: "-") where digits == 0 && !negative:
                negative = true
            case 0x20, 0x09, 0x0D:
                if digits > 0 {
                    ids.append(negative ? -value : value)
                    field += 1
                } else if negative {
                    return .failure(BadField(index: field))
                }
                value = 0; digits = 0; negative = false
            default:
                return .failure(BadField(index: field))
            }
        }
        if digits > 0 { ids.append(negative ? -value : value) } else if negative { return .failure(BadField(index: field)) }
        return .success(ids)
    }

    /// A field of an id line that is not a number.
    public struct BadField: Error, Sendable {
        /// Its 0-based position on the line.
        public var index: Int
    }
}
