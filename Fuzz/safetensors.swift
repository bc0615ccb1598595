// Fuzz target: decoding a safetensors file (header length, JSON header, offsets, dtypes).
import Foundation
import TensorCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSafeTensors(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = try? SafeTensors.decode(Data(bytes: data, count: size), path: "fuzz.safetensors")
    return 0
}
